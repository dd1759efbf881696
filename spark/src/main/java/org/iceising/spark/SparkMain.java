package org.iceising.spark;

import org.apache.spark.SparkException;
import org.apache.spark.sql.SparkSession;
import org.iceising.cli.IceIsingCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Spark jobs' entry point: {@code spark-submit --class org.iceising.spark.SparkMain
 * iceising-spark.jar <job> ...} with the jobs generate, fit, evaluate and sweep.
 */
@Command(name = "iceising-spark", mixinStandardHelpOptions = true,
        description = "IceIsing's services as Apache Spark jobs, for many seasons, areas, periods and parameter sets.",
        subcommands = {GenerateJob.class, FitJob.class, EvaluateJob.class, SweepJob.class})
public final class SparkMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = run(args);
        if (SparkSession.getDefaultSession().isDefined()) {
            SparkSession.getDefaultSession().get().stop();
        }
        System.exit(code);
    }

    /**
     * Runs one job on the active session (or a new one), with the local commands' handling of
     * errors: one line on standard error and exit code 2 for bad input, missing data or bad files.
     */
    static int run(String... args) {
        CommandLine local = IceIsingCommand.commandLine();
        CommandLine.IExecutionExceptionHandler handler = local.getExecutionExceptionHandler();
        CommandLine cli = new CommandLine(new SparkMain());
        cli.setExecutionExceptionHandler((e, line, parsed) -> handler.handleExecutionException(taskError(e), line, parsed));
        cli.setParameterExceptionHandler(local.getParameterExceptionHandler());
        int code = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return code;
    }

    /**
     * The error a task raised (a missing grid, a bad box) rather than Spark's report of the failed
     * stage around it; any other error as it is.
     */
    static Exception taskError(Exception e) {
        Throwable t = e;
        while (t instanceof SparkException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof Exception x ? x : e;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
