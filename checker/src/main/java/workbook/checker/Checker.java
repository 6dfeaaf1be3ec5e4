package workbook.checker;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * The instructor's tool: calibrates the labs, grades students' work, and exports the student
 * edition. Run it from the repository root with {@code ./checker/grade <command> ...}.
 */
@Command(name = "checker", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Calibrates, grades and exports the workbook's labs.",
        subcommands = {CalibrateCommand.class, MutateCommand.class, GradeCommand.class, BatchCommand.class, ExportCommand.class, CommandLine.HelpCommand.class})
public final class Checker implements Runnable {
    /** Exit code for bad input: a missing folder, an unreadable submission, a wrong option. */
    public static final int BAD_INPUT = 2;
    /** Exit code when the checker itself broke. */
    public static final int INTERNAL_ERROR = 3;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Say what to do: calibrate, mutate, grade, batch or export (--help lists them).");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs one command with its output (reports, tables) and its errors (progress, problems) going where asked. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Checker());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(Checker::failed);
        return commandLine.execute(args);
    }

    private static int failed(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof UserError) {
            err.println("checker: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        err.println("checker: internal error (please report it with the lines below): " + e);
        e.printStackTrace(err);
        err.flush();
        return INTERNAL_ERROR;
    }
}
