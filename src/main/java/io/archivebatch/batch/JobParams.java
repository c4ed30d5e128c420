package io.archivebatch.batch;

/** Names of the job parameters. Identifying ones decide which run a command resumes. */
public final class JobParams {
    private JobParams() {
    }

    public static final String COMMAND = "command";
    /** The inputs as the user named them (relative ones resolve against WORKDIR); records' sources start with them. */
    public static final String INPUTS = "inputs";
    /** The working directory of the command that started the run. */
    public static final String WORKDIR = "workdir";
    public static final String OUTPUT = "output";
    public static final String RULES = "rules";
    public static final String FINGERPRINT = "input_fingerprint";
    /** Not identifying: chosen at the first start, carried over by restarts. */
    public static final String RUN_NAME = "run_name";
}
