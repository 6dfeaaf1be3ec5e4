package workbook.checker.mutate;

import workbook.checker.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mutants of a lab that cannot change its behaviour, from {@code checker/hidden/NN-slug/EQUIVALENT.md}.
 * One list item per mutant:
 * <pre>
 * - workbook.ratelimit.TokenBucketLimiter:57:ConditionalsBoundaryMutator: at equality both branches return 0
 * </pre>
 * the class (top-level or nested, as PIT names it), the line, the mutator's simple name (as PIT's
 * report names it, without the package), then the reason. Other lines (headings, prose) are ignored.
 * An entry covers every surviving mutant of that mutator on that line.
 */
public record Equivalents(List<Entry> entries) {
    public record Entry(String className, int line, String mutator, String reason) {
        boolean matches(Mutant mutant) {
            return mutant.className().equals(className) && mutant.line() == line
                    && mutant.mutatorName().equals(mutator);
        }
    }

    private static final Pattern ITEM = Pattern.compile("^\\s*[-*]\\s+(.*)$");
    private static final Pattern ENTRY = Pattern.compile(
            "^`?([A-Za-z_][\\w.$]*):(\\d+):([A-Za-z_]\\w*)`?\\s*:\\s*(\\S.*)$");

    public static Equivalents none() {
        return new Equivalents(List.of());
    }

    public static Equivalents read(Path file) {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UserError("Cannot read " + file + ": " + e.getMessage());
        }
    }

    static Equivalents parse(List<String> lines, String source) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher item = ITEM.matcher(lines.get(i));
            if (!item.matches()) {
                continue;
            }
            Matcher entry = ENTRY.matcher(item.group(1).strip());
            if (!entry.matches()) {
                throw new UserError(source + " line " + (i + 1) + " is not an equivalent mutant: '" + lines.get(i).strip()
                        + "'. Write each as '- package.Class:LINE:MutatorName: why it cannot change behaviour'.");
            }
            entries.add(new Entry(entry.group(1), Integer.parseInt(entry.group(2)), entry.group(3), entry.group(4).strip()));
        }
        return new Equivalents(List.copyOf(entries));
    }

    public Optional<Entry> covering(Mutant mutant) {
        return entries.stream().filter(entry -> entry.matches(mutant)).findFirst();
    }
}
