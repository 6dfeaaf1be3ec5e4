package workbook.labkit.infra;

/**
 * Thrown when a database, Redis or Toxiproxy cannot be started or reached. The message always says
 * what happened and what to do about it, so that a student never has to read a stack trace to
 * find out that, say, Docker is not running.
 */
public class InfrastructureException extends RuntimeException {
    public InfrastructureException(String whatHappened, String whatToDo, Throwable cause) {
        super(whatHappened + (cause == null ? "" : " (" + rootMessage(cause) + ")")
                + "\n  What to do: " + whatToDo, cause);
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
