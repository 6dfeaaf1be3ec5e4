package workbook.deploy;

/** Who is asking: a stable id and the region the request comes from. */
public record User(String id, String region) {
}
