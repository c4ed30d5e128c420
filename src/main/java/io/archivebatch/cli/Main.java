package io.archivebatch.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/** Entry point of {@code java -jar archive-batch.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** The file named by {@code --job FILE} or {@code --job=FILE}, else null. */
    static java.nio.file.Path jobFile(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--job") && i + 1 < args.length) {
                return java.nio.file.Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--job=")) {
                return java.nio.file.Path.of(args[i].substring("--job=".length()));
            }
        }
        return null;
    }

    /** Runs a command line and answers its exit code (see {@link ExitCodes}). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Same, printing to the given writers (tests capture them). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new ArchiveBatchCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println(cmd.getCommandName() + ": " + ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof UsageException) {
                cmd.getErr().println(cmd.getCommandName() + ": " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            cmd.getErr().println(cmd.getCommandName() + ": failed: " + ex);
            return ExitCodes.FAILED;
        });
        java.nio.file.Path job = jobFile(args);
        if (job != null) {
            if (!java.nio.file.Files.isRegularFile(job)) {
                err.println("archive-batch: --job: no such job file: " + job);
                err.flush();
                return ExitCodes.USAGE;
            }
            // the job file's values are the options' defaults: the command line still wins
            cli.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(job.toFile()));
        }
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
