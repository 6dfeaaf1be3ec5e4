package workbook.restapi;

/** One invalid member of a request body: a JSON Pointer as a URI fragment ({@code "#/title"}) and what is wrong. */
public record FieldError(String pointer, String detail) {
}
