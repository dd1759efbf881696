package org.iceising.cli;

import java.io.PrintWriter;
import org.iceising.data.DataFileException;
import org.iceising.data.download.DownloadException;
import org.iceising.data.download.EarthdataAuthException;
import org.iceising.data.download.NoGranulesException;
import org.iceising.learn.ModelFileException;
import org.iceising.learn.TrainingSetException;
import org.iceising.model.CancelledException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: every command is a thin layer over the services below it. */
@Command(name = "iceising", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "IceIsing: Arctic sea ice with a continuous-spin Ising model.%n"
                + "Without a command, `java -jar iceising.jar` opens the workbench.",
        subcommands = {InfoCommand.class, MeasureCommand.class, SimulateCommand.class, IsingCommand.class, DownloadCommand.class,
                GenerateCommand.class, TrainCommand.class, PredictCommand.class, EvaluateCommand.class, FitCommand.class,
                ReproduceCommand.class, SensitivityCommand.class, ForecastCommand.class,
                CommandLine.HelpCommand.class})
public final class IceIsingCommand {

    /** Exit code for wrong arguments, missing data and bad files. */
    public static final int USER_ERROR = 2;

    private IceIsingCommand() {
    }

    /** Builds the command line with IceIsing's error handling: one line on stderr, exit code 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new IceIsingCommand());
        // every command's -V/--version prints the version, not only the top-level one
        VersionProvider version = new VersionProvider();
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
        cl.setExecutionExceptionHandler((e, line, parse) -> {
            PrintWriter err = line.getErr();
            String name = line.getCommandSpec().qualifiedName();
            if (e instanceof CancelledException) {
                err.println(name + ": cancelled");
                return USER_ERROR;
            }
            if (e instanceof EarthdataAuthException || e instanceof NoGranulesException) {
                err.println(name + ": " + e.getMessage());
                return USER_ERROR;
            }
            if (e instanceof DownloadException) {
                err.println(name + ": " + e.getMessage());
                return 1;
            }
            if (e instanceof DataFileException || e instanceof IllegalArgumentException || e instanceof ModelFileException
                    || e instanceof TrainingSetException
                    || e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
                err.println(name + ": " + e.getMessage());
                return USER_ERROR;
            }
            throw e;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine line = e.getCommandLine();
            line.getErr().println(line.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            line.getErr().println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for more information.");
            return USER_ERROR;
        });
        return cl;
    }

    /** Runs a command and flushes its output (print without a newline is not flushed by itself). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
