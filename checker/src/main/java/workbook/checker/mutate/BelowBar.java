package workbook.checker.mutate;

import workbook.checker.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Labs known to be under the mutation bar, from {@code checker/mutation/BELOW_BAR}: the gate
 * ({@code mutate --check}) lets them through with a warning while their tests are being strengthened.
 * One lab a line, {@code NN-slug YYYY-MM-DD why}; {@code #} starts a comment.
 */
public record BelowBar(Map<String, String> labs) {
    private static final Pattern LINE = Pattern.compile("^(\\d\\d-[a-z0-9-]+)\\s+(\\d{4}-\\d\\d-\\d\\d)(?:\\s+(.*))?$");

    public static BelowBar read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new BelowBar(Map.of());
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UserError("Cannot read " + file + ": " + e.getMessage());
        }
    }

    static BelowBar parse(List<String> lines, String source) {
        Map<String, String> labs = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher entry = LINE.matcher(line);
            if (!entry.matches()) {
                throw new UserError(source + " line " + (i + 1) + ": '" + line + "' is not 'NN-slug YYYY-MM-DD why'.");
            }
            labs.put(entry.group(1), entry.group(2) + (entry.group(3) == null ? "" : " " + entry.group(3).strip()));
        }
        return new BelowBar(Map.copyOf(labs));
    }

    public boolean lists(String labId) {
        return labs.containsKey(labId);
    }
}
