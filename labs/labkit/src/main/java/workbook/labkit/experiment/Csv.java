package workbook.labkit.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A small CSV table: a header and rows, written with plain commas (values are numbers and simple names). */
public final class Csv {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Csv(String... header) {
        this.header = List.of(header);
    }

    public Csv row(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " values " + header + ", got " + values.length);
        }
        List<String> row = new ArrayList<>();
        for (Object value : values) {
            String text = String.valueOf(value);
            row.add(text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text);
        }
        rows.add(row);
        return this;
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String text = String.join(",", header) + "\n"
                + rows.stream().map(row -> String.join(",", row)).collect(Collectors.joining("\n")) + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
