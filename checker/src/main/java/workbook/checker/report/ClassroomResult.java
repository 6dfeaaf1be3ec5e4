package workbook.checker.report;

import workbook.checker.grade.GradeReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grade in the shape GitHub Classroom's grading reporter reads (a runner's result: status,
 * max_score, and one entry per task with its score), so that the score shows in Classroom.
 */
public final class ClassroomResult {
    private ClassroomResult() {
    }

    public static Map<String, Object> of(GradeReport report) {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (GradeReport.LabGrade lab : report.labs()) {
            for (GradeReport.TaskGrade task : lab.tasks()) {
                boolean done = task.earned() == task.points() && task.tests() > 0;
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", lab.lab().substring(0, 2) + " Task " + task.id() + ": " + task.title());
                entry.put("status", done ? "pass" : "fail");
                entry.put("score", task.earned());
                entry.put("max_score", task.points());
                entry.put("message", done ? "" : firstFailure(lab, task));
                tests.add(entry);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("version", 1);
        result.put("status", report.pointsEarned() == report.pointsPossible() ? "pass" : "fail");
        result.put("max_score", report.pointsPossible());
        result.put("tests", tests);
        return result;
    }

    private static String firstFailure(GradeReport.LabGrade lab, GradeReport.TaskGrade task) {
        if (lab.compilerMessages() != null) {
            return "does not compile: " + Text.firstLine(lab.compilerMessages());
        }
        return lab.tests().stream().filter(test -> Integer.valueOf(task.id()).equals(test.task()) && !test.passed())
                .map(test -> test.name() + ": " + Text.firstLine(test.message())).findFirst()
                .orElse(lab.status().equals("graded") ? "no test ran" : lab.status());
    }
}
