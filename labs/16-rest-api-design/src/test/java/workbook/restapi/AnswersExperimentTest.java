package workbook.restapi;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workbook.labkit.Postgres;
import workbook.labkit.experiment.Csv;
import workbook.labkit.experiment.Experiment;
import workbook.labkit.testing.MutableClock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The same 30 requests sent to this module's API (the starter in the lab, the fix in the solution), and
 * what came back: status, media type and the headers that carry meaning. Writes
 * {@code target/experiment/16-rest-api-design-answers-<side>.csv}; run in the solution after the lab,
 * it also writes the two side by side as {@code 16-rest-api-design-answers.md} and {@code .svg}.
 */
@Tag("experiment")
class AnswersExperimentTest {
    private static final List<String> HEADERS = List.of("Location", "ETag", "Allow", "Accept-Patch", "Accept", "Link",
            "Retry-After", "Deprecation", "Sunset");
    private static final String NAME = "16-rest-api-design-answers";
    @RegisterExtension
    static final Postgres db = Postgres.freshDatabase();
    @RegisterExtension
    final LiveApi api = LiveApi.on(db);

    private record Answer(String request, int status, String type, String headers, String note) {
        String cell() {
            return status + " " + type + (headers.isEmpty() ? "" : " + " + headers) + (note.isEmpty() ? "" : " (" + note + ")");
        }
    }

    @Test
    void thirtyRequests() throws Exception {
        MutableClock clock = MutableClock.at(LiveApi.START);
        api.restart(clock, Quota.fixedWindow(29, Duration.ofMinutes(1), clock)); // the 30th request is one too many
        List<Answer> answers = new ArrayList<>();
        Client c = api.alice;
        String json = "application/json";
        Reply created = record(answers, "POST /v1/bookmarks", () -> c.post("/v1/bookmarks", LiveApi.body("https://example.com/a", "A", "exp")));
        String a = "/v1/bookmarks/" + created.json().path("id").asLong();
        Reply read = record(answers, "GET one", () -> c.get(a));
        String etag = read.header("ETag").orElse("\"no-etag\"");
        record(answers, "GET one, If-None-Match: current", () -> c.get(a, "If-None-Match", etag));
        record(answers, "PATCH title (merge patch)", () -> c.patch(a, "{\"title\":\"A2\"}"));
        record(answers, "PATCH, If-Match: stale tag", () -> c.patch(a, "{\"title\":\"A3\"}", "If-Match", etag));
        record(answers, "GET a missing bookmark", () -> c.get("/v1/bookmarks/999999"));
        record(answers, "GET /v1/bookmarks/abc", () -> c.get("/v1/bookmarks/abc"));
        record(answers, "GET /v1/nothing", () -> c.get("/v1/nothing"));
        record(answers, "POST cut-off JSON", () -> c.post("/v1/bookmarks", "{\"url\": "));
        record(answers, "POST a form body", () -> c.send("POST", "/v1/bookmarks", "url=x", "Content-Type", "application/x-www-form-urlencoded"));
        record(answers, "POST invalid values", () -> c.post("/v1/bookmarks", "{\"url\":\"ftp://x\",\"title\":\"\"}"));
        record(answers, "POST a URL already saved", () -> c.post("/v1/bookmarks", LiveApi.body("https://example.com/a", "Again")));
        record(answers, "PATCH as application/json", () -> c.send("PATCH", a, "{}", "Content-Type", json));
        record(answers, "PATCH removing the title", () -> c.patch(a, "{\"title\":null}"));
        record(answers, "PUT one", () -> c.send("PUT", a, "{}", "Content-Type", json));
        record(answers, "DELETE the collection", () -> c.delete("/v1/bookmarks"));
        String keyed = LiveApi.body("https://example.com/k", "Keyed");
        record(answers, "POST, Idempotency-Key k", () -> c.post("/v1/bookmarks", keyed, "Idempotency-Key", "k"));
        record(answers, "the same POST again (a retry)", () -> c.post("/v1/bookmarks", keyed, "Idempotency-Key", "k"));
        record(answers, "key k with another body", () -> c.post("/v1/bookmarks", LiveApi.body("https://example.com/l", "L"), "Idempotency-Key", "k"));
        api.seed("alice", 130);
        record(answers, "GET /v1/bookmarks (133 saved)", () -> c.get("/v1/bookmarks"));
        record(answers, "GET ?limit=100000", () -> c.get("/v1/bookmarks?limit=100000"));
        record(answers, "GET ?limit=0", () -> c.get("/v1/bookmarks?limit=0"));
        record(answers, "GET ?cursor=garbage", () -> c.get("/v1/bookmarks?cursor=garbage"));
        record(answers, "GET ?tag=exp", () -> c.get("/v1/bookmarks?tag=exp"));
        record(answers, "GET one ?fields=id,url", () -> c.get(a + "?fields=id,url"));
        record(answers, "GET one ?fields=colour", () -> c.get(a + "?fields=colour"));
        record(answers, "POST /v2/bookmarks (href)", () -> c.post("/v2/bookmarks", "{\"href\":\"https://example.com/v2\",\"title\":\"V2\"}"));
        record(answers, "DELETE one", () -> c.delete(a));
        record(answers, "DELETE it again", () -> c.delete(a));
        record(answers, "GET /v2/bookmarks, over the quota", () -> c.get("/v2/bookmarks"));

        Path labDir = Path.of(System.getProperty("workbook.lab.dir", ".")).toRealPath();
        boolean inLab = Path.of("").toRealPath().equals(labDir);
        String side = inLab ? "starter" : "solution";
        Csv csv = new Csv("n", "request", "status", "type", "headers", "note");
        StringBuilder tsv = new StringBuilder();
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            csv.row(i + 1, answer.request(), answer.status(), answer.type(), answer.headers(), answer.note());
            tsv.append(answer.request()).append('\t').append(answer.cell()).append('\n');
        }
        csv.write(Experiment.output(NAME + "-" + side + ".csv"));
        Files.writeString(Experiment.output(NAME + "-" + side + ".tsv"), tsv, StandardCharsets.UTF_8);
        long non200 = answers.stream().filter(answer -> answer.status() != 200).count();
        System.out.printf("%s: %d requests, %d answered with something other than 200%n", side, answers.size(), non200);

        Path starter = labDir.resolve("target/experiment/" + NAME + "-starter.tsv");
        if (!inLab && Files.exists(starter)) {
            List<String> starterCells = Files.readAllLines(starter).stream().map(line -> line.split("\t", 2)[1]).toList();
            List<String[]> rows = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                rows.add(new String[] {Integer.toString(i + 1), answers.get(i).request(), starterCells.get(i), answers.get(i).cell()});
            }
            Files.writeString(Experiment.output(NAME + ".md"), markdown(rows), StandardCharsets.UTF_8);
            Files.writeString(Experiment.output(NAME + ".svg"), svg(rows), StandardCharsets.UTF_8);
            System.out.println("wrote " + Experiment.output(NAME + ".svg"));
        }
    }

    private static Reply record(List<Answer> answers, String request, Supplier<Reply> send) {
        Reply reply = send.get();
        List<String> present = HEADERS.stream().filter(name -> reply.header(name).isPresent()).toList();
        String note = "";
        if (reply.mediaType().equals("application/json") && reply.json().has("data")) {
            note = reply.json().path("data").size() + " items";
        } else if (request.contains("?fields=id,url") && reply.status() == 200) {
            Map<String, Boolean> members = new TreeMap<>();
            reply.json().fieldNames().forEachRemaining(name -> members.put(name, true));
            note = members.size() + " members";
        }
        String type = reply.body().isEmpty() ? "(no body)" : reply.mediaType().replace("application/", "");
        answers.add(new Answer(request, reply.status(), type, String.join(" ", present), note));
        return reply;
    }

    private static String markdown(List<String[]> rows) {
        StringBuilder md = new StringBuilder("| # | request | starter | fix |\n| --- | --- | --- | --- |\n");
        rows.forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return md.toString();
    }

    /** A plain SVG table: the starter's column red where it differs from the fix's. */
    private static String svg(List<String[]> rows) {
        int[] x = {10, 40, 300, 620};
        int width = 1180;
        int rowHeight = 22;
        int height = 40 + rows.size() * rowHeight + 10;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        String[] titles = {"#", "request (the same 30, in order)", "starter", "fix"};
        for (int i = 0; i < titles.length; i++) {
            svg.append("<text x=\"").append(x[i]).append("\" y=\"24\" font-weight=\"bold\">").append(titles[i]).append("</text>\n");
        }
        for (int r = 0; r < rows.size(); r++) {
            int y = 40 + r * rowHeight;
            String[] row = rows.get(r);
            boolean differs = !row[2].equals(row[3]);
            if (r % 2 == 0) {
                svg.append("<rect x=\"0\" y=\"").append(y).append("\" width=\"").append(width).append("\" height=\"").append(rowHeight).append("\" fill=\"#f3f3f3\"/>\n");
            }
            for (int i = 0; i < row.length; i++) {
                String color = i == 2 && differs ? "#c0392b" : i == 3 && differs ? "#1e7b34" : "#222";
                svg.append("<text x=\"").append(x[i]).append("\" y=\"").append(y + 15).append("\" fill=\"").append(color).append("\">")
                        .append(escape(row[i])).append("</text>\n");
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
