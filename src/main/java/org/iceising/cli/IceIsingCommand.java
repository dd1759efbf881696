package org.iceising.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.iceising.data.AtomicFiles;
import org.iceising.data.DataFileException;
import org.iceising.data.IoWords;
import org.iceising.data.download.DownloadException;
import org.iceising.data.download.EarthdataAuthException;
import org.iceising.data.download.NoGranulesException;
import org.iceising.learn.ModelFileException;
import org.iceising.learn.TrainingSetException;
import org.iceising.model.CancelledException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The command line: every command is a thin layer over the services below it. */
@Command(name = "iceising", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "IceIsing: Arctic sea ice with a continuous-spin Ising model.%n"
                + "Without a command, `java -jar iceising.jar` opens the workbench.")
public final class IceIsingCommand {

    /**
     * The commands, in the order the usage help lists them. They are added when the command line is
     * built rather than named in the annotation, so that a run builds only the command it runs:
     * picocli reads every option of every command it is given, which took about half of a short
     * command's start-up.
     */
    private static final List<Class<?>> COMMANDS = List.of(InfoCommand.class, MeasureCommand.class, SimulateCommand.class,
            IsingCommand.class, DownloadCommand.class, GenerateCommand.class, TrainCommand.class, PredictCommand.class,
            EvaluateCommand.class, FitCommand.class, ReproduceCommand.class, SensitivityCommand.class, ForecastCommand.class,
            CommandLine.HelpCommand.class);

    /** Exit code for wrong arguments, missing data and bad files. */
    public static final int USER_ERROR = 2;
    /** Exit code of a command that finished with what it could read but skipped some inputs (each named on stderr). */
    public static final int SOME_INPUTS_SKIPPED = 3;

    /** The option that shows the libraries' own log lines (off by default), read before any logger starts. */
    static final String VERBOSE = "--verbose";

    @Option(names = VERBOSE, scope = ScopeType.INHERIT,
            description = "Also show the libraries' log lines (netCDF, ND4J) and, for an unexpected failure, its details.")
    boolean verbose;

    /** Inputs skipped in this run (see {@link Skipped}). */
    int skipped;

    private IceIsingCommand() {
    }

    /**
     * Builds the command line with every command and IceIsing's error handling: every failure is one
     * line on stderr ("iceising CMD: what is wrong"), exit code 2; a run that skipped inputs ends with 3.
     */
    public static CommandLine commandLine() {
        return build(COMMANDS);
    }

    /**
     * The command line for these arguments: the same as {@link #commandLine()}, but with only the
     * command they name when they name one (the root's own options take no value, so the first
     * argument that is not an option is the command). Without a command, with {@code help} or with a
     * name that is no command's, it has them all, for the usage help and picocli's suggestions.
     */
    public static CommandLine commandLine(String... args) {
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (!a.startsWith("-")) {
                return COMMANDS.stream().filter(c -> c != CommandLine.HelpCommand.class && names(c).contains(a)).findFirst()
                        .map(c -> build(List.of(c))).orElseGet(IceIsingCommand::commandLine);
            }
        }
        return commandLine();
    }

    private static List<String> names(Class<?> command) {
        Command c = command.getAnnotation(Command.class);
        List<String> names = new ArrayList<>(List.of(c.aliases()));
        names.add(c.name());
        return names;
    }

    private static CommandLine build(List<Class<?>> commands) {
        IceIsingCommand root = new IceIsingCommand();
        CommandLine cl = new CommandLine(root);
        commands.forEach(cl::addSubcommand);
        // every command's -V/--version prints the version, not only the top-level one
        VersionProvider version = new VersionProvider();
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
        Converters.register(cl);
        cl.setExecutionStrategy(parseResult -> {
            int code = USER_ERROR;
            try {
                code = new CommandLine.RunLast().execute(parseResult);
            } catch (OutOfMemoryError e) {
                CommandLine line = parseResult.subcommand() == null ? cl : lastCommand(parseResult);
                line.getErr().println(line.getCommandSpec().qualifiedName()
                        + ": not enough memory for this (a smaller area, lattice or sample count needs less; or give Java more with -Xmx)");
                return USER_ERROR;
            } finally {
                // however the command ended: if it did not finish, the folders it made for its outputs go while empty
                if (code == 0) {
                    AtomicFiles.keepFoldersMade();
                } else {
                    AtomicFiles.removeFoldersLeftEmpty();
                }
            }
            return code == 0 && root.skipped > 0 ? SOME_INPUTS_SKIPPED : code;
        });
        cl.setExecutionExceptionHandler((e, line, parse) -> {
            PrintWriter err = line.getErr();
            String name = line.getCommandSpec().qualifiedName();
            err.println(oneLine(name + ": " + words(e, root.verbose)));
            if (root.verbose && !expected(e)) {
                e.printStackTrace(err);
            }
            return e instanceof DownloadException && !(e instanceof EarthdataAuthException || e instanceof NoGranulesException)
                    ? 1 : USER_ERROR;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine line = e.getCommandLine();
            String name = line.getCommandSpec().qualifiedName();
            Optional<String> meant = e instanceof CommandLine.UnmatchedArgumentException u ? meant(u) : Optional.empty();
            line.getErr().println(oneLine(name + ": " + e.getMessage().strip().replace(System.lineSeparator(), "; ")
                    + meant.map(m -> "; did you mean '" + m + "'?").orElse("")
                    + " (see '" + name + " --help')"));
            return USER_ERROR;
        });
        return cl;
    }

    /** The command or option the first unmatched argument probably meant, if one is near enough. */
    private static Optional<String> meant(CommandLine.UnmatchedArgumentException e) {
        if (e.getUnmatched().isEmpty()) {
            return Optional.empty();
        }
        String typed = e.getUnmatched().get(0);
        CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
        List<String> names = new ArrayList<>();
        if (typed.startsWith("-")) {
            typed = typed.split("=", 2)[0];
            spec.options().forEach(o -> names.addAll(List.of(o.names())));
        } else {
            names.addAll(spec.subcommands().keySet());
        }
        return Suggestion.nearest(typed, names);
    }

    private static CommandLine lastCommand(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult p = parseResult;
        while (p.subcommand() != null) {
            p = p.subcommand();
        }
        return p.commandSpec().commandLine();
    }

    /** The one place that turns a failure into the user's line (after "iceising CMD: "). */
    static String words(Exception e, boolean verbose) {
        if (e instanceof CancelledException) {
            return "cancelled";
        }
        if (e instanceof IOException io) {
            return IoWords.line(io);
        }
        if (e instanceof UncheckedIOException io) {
            return IoWords.line(io);
        }
        if (expected(e)) {
            return e.getMessage();
        }
        return "unexpected failure" + (e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + e.getMessage() + ")")
                + (verbose ? "" : "; run again with " + VERBOSE + " for the details");
    }

    /**
     * The line as one line: a file name or an argument can hold a line break or another control
     * character, which is shown as an escape ({@code \n}, {@code \x1b}) instead of ending the line.
     */
    static String oneLine(String line) {
        StringBuilder b = new StringBuilder(line.length());
        line.codePoints().forEach(c -> {
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (Character.isISOControl(c)) {
                b.append(String.format(java.util.Locale.ROOT, "\\x%02x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** Failures that are the user's input or environment, whose message says it all. */
    private static boolean expected(Exception e) {
        return e instanceof CancelledException || e instanceof DownloadException || e instanceof DataFileException
                || e instanceof IllegalArgumentException || e instanceof ModelFileException || e instanceof TrainingSetException
                || e instanceof IOException || e instanceof UncheckedIOException;
    }

    /** Runs a command and flushes its output (print without a newline is not flushed by itself). */
    public static int run(String... args) {
        if (Arrays.asList(args).contains(VERBOSE)) {
            Logging.verbose();
        }
        CommandLine cl = commandLine(args);
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
