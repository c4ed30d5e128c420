package io.archivebatch.batch;

/** Names of the job parameters. Identifying ones decide which run a command resumes. */
public final class JobParams {
    private JobParams() {
    }

    public static final String COMMAND = "command";
    /** The inputs as the user named them (relative ones resolve against WORKDIR); records' sources start with them. */
    public static final String INPUTS = "inputs";
    /** The working directory, when an input or the rules were named relative to it. */
    public static final String WORKDIR = "workdir";
    public static final String OUTPUT = "output";
    public static final String RULES = "rules";
    /** The export field mapping, only when one was set (so runs with the defaults keep their identity). */
    public static final String FIELDS = "fields";
    /** Hash of the selected inputs (source, size, time, content hash): other inputs make another run. */
    public static final String FINGERPRINT = "input_fingerprint";
    public static final String RUN_DATE = "run_date";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String FORCE = "force";
    /** Not identifying: chosen at the first start, carried over by restarts. */
    public static final String RUN_NAME = "run_name";
    /** Not identifying: whether publishing records the inputs in the ledger. */
    public static final String LEDGER = "ledger";
}
