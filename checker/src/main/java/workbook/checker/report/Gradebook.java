package workbook.checker.report;

import workbook.checker.grade.GradeReport;

import java.util.ArrayList;
import java.util.List;

/** The gradebook: a CSV row per submission, a column per lab, ready for a spreadsheet or an LMS import. */
public final class Gradebook {
    private Gradebook() {
    }

    /** @param labs the lab columns, in order */
    public static String csv(List<String> labs, List<GradeReport> reports) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("student", "total", "possible"));
        header.addAll(labs);
        header.addAll(List.of("status", "problem", "submission", "graded_at", "checker_version", "test_set_hash"));
        line(csv, header);
        for (GradeReport report : reports) {
            line(csv, row(labs, report));
        }
        return csv.toString();
    }

    static List<String> row(List<String> labs, GradeReport report) {
        List<String> row = new ArrayList<>(List.of(report.student(), String.valueOf(report.pointsEarned()), String.valueOf(report.pointsPossible())));
        for (String lab : labs) {
            row.add(report.labs().stream().filter(grade -> grade.lab().equals(lab)).findFirst()
                    .map(grade -> String.valueOf(grade.pointsEarned())).orElse(""));
        }
        row.addAll(List.of(report.status(), report.problem() == null ? "" : report.problem(), report.submission(), report.gradedAt(),
                report.checkerVersion(), report.testSetHash()));
        return row;
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(escape(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** Quotes when needed, and defuses cells a spreadsheet would run as a formula. */
    static String escape(String cell) {
        String value = cell == null ? "" : cell;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            value = "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
