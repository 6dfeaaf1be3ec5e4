package workbook.checker.grade;

import java.util.List;

/**
 * Everything grading found for one submission; the JSON report is this record as it stands, and
 * every other report is made from it.
 *
 * @param testSetHash a SHA-256 over the per-lab test-set hashes: the same value means the same tests graded
 * @param isolation   how the student's code ran: in bubblewrap's sandbox, or "not isolated (why)"
 */
public record GradeReport(String checkerVersion, String gradedAt, String student, String submission, String submissionKind,
                          String status, String problem, int pointsEarned, int pointsPossible, double seconds,
                          String testSetHash, List<LabGrade> labs, String isolation) {

    /**
     * One lab.
     *
     * @param status           graded, not compiling, missing (no such folder in the submission), or unreadable
     * @param compilerMessages when the student's code does not compile
     * @param sheet            the lab sheet's path in the repository, for links
     * @param slides           the slides' path in the repository, or null
     */
    public record LabGrade(String lab, String title, String status, int pointsEarned, int pointsPossible,
                           String compilerMessages, List<String> notes, TestFiles.Changes testChanges, String testSetHash,
                           double seconds, String sheet, String slides, List<TaskGrade> tasks, List<TestGrade> tests) {
    }

    /** One task of the lab sheet: all its tests must pass for its points. */
    public record TaskGrade(int id, String title, String anchor, int points, int earned, int tests, int passed) {
    }

    /**
     * One test.
     *
     * @param origin public or hidden
     * @param status passed, failed, error, timeout or skipped
     */
    public record TestGrade(String name, String className, String method, Integer task, String origin, String status,
                            String message, String output, long millis) {
        public boolean passed() {
            return "passed".equals(status);
        }
    }
}
