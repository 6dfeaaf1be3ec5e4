package workbook.checker.run;

/**
 * A test (or a parameterized/factory method, whose cases appear only when it runs) found before
 * the run, so that tests a crash or a time limit kept from running are still reported.
 */
public record PlannedTest(String id, String className, String methodName, String displayName, Integer task) {

    /** Whether a result with this id belongs to this planned test (itself, or one of its cases). */
    public boolean covers(String resultId) {
        return resultId.equals(id) || resultId.startsWith(id + "/");
    }

    public String topLevelClass() {
        return TestPlan.topLevel(className);
    }
}
