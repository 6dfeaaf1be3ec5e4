package workbook.checker.run;

/**
 * One test's result in a lab run.
 *
 * @param id          JUnit's unique id (or {@code compile:<file>} for a test file that did not compile)
 * @param task        the lab sheet's task the test belongs to, or null
 * @param output      what the test printed, capped by the lab kit
 */
public record TestOutcome(String id, String className, String methodName, String displayName, Integer task,
                          Status status, String message, long millis, String output, Origin origin) {

    public TestOutcome with(Status newStatus, String newMessage) {
        return new TestOutcome(id, className, methodName, displayName, task, newStatus, newMessage, millis, output, origin);
    }
}
