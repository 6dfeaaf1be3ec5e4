package workbook.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small identity provider on loopback: it holds RSA key pairs, publishes their public halves as a
 * JWKS (RFC 7517) at {@code /jwks.json}, counts how often that key set is fetched, and signs tokens.
 * {@link #rotate()} adds a new key (a new {@code kid}) and signs with it from then on.
 */
public final class IdentityProvider implements AutoCloseable {
    public static final String ISSUER = "https://id.example.test";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, KeyPair> keys = new LinkedHashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final HttpServer server;
    private String currentKid;

    private IdentityProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Starts a provider with one key, {@code key-1}. */
    public static IdentityProvider start() throws IOException {
        IdentityProvider provider = new IdentityProvider();
        provider.rotate();
        return provider;
    }

    /** Adds a new key pair and signs with it from now on; the old keys stay published. Returns the new kid. */
    public synchronized String rotate() {
        currentKid = "key-" + (keys.size() + 1);
        keys.put(currentKid, newKeyPair());
        return currentKid;
    }

    public synchronized String currentKid() {
        return currentKid;
    }

    /** The public key with this kid, as published. */
    public synchronized RSAPublicKey publicKey(String kid) {
        return (RSAPublicKey) keys.get(kid).getPublic();
    }

    /** How many times the key set was fetched. */
    public int fetches() {
        return fetches.get();
    }

    public URI jwksUri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/jwks.json");
    }

    /** Fetches the key set over HTTP, as a gateway does. */
    public KeySource keySource() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = jwksUri();
        return () -> {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                return parseJwks(response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + uri, e);
            }
        };
    }

    /** The JOSE header of a token signed with the current key. */
    public synchronized String header() {
        return "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + currentKid + "\"}";
    }

    /** A token with these claims (a JSON object), signed with RS256 and the current key. */
    public synchronized String sign(String payloadJson) {
        return Jwt.rs256(header(), payloadJson, keys.get(currentKid).getPrivate());
    }

    /** The claims of an ordinary access token: issued {@code issuedAt} (epoch seconds), valid for {@code lifetimeSeconds}. */
    public static String claims(String subject, String audience, long issuedAt, long lifetimeSeconds) {
        ObjectNode claims = JSON.createObjectNode();
        claims.put("iss", ISSUER).put("sub", subject).put("aud", audience)
                .put("iat", issuedAt).put("nbf", issuedAt).put("exp", issuedAt + lifetimeSeconds);
        return claims.toString();
    }

    private synchronized String jwks() {
        ObjectNode set = JSON.createObjectNode();
        ArrayNode list = set.putArray("keys");
        keys.forEach((kid, pair) -> {
            RSAPublicKey key = (RSAPublicKey) pair.getPublic();
            list.addObject().put("kty", "RSA").put("kid", kid).put("use", "sig").put("alg", "RS256")
                    .put("n", Jwt.base64url(unsigned(key.getModulus())))
                    .put("e", Jwt.base64url(unsigned(key.getPublicExponent())));
        });
        return set.toString();
    }

    /** Parses a JWKS document into RSA public keys by kid (RFC 7518 §6.3.1: n and e, base64url, big-endian). */
    public static Map<String, PublicKey> parseJwks(String json) throws IOException {
        Map<String, PublicKey> result = new LinkedHashMap<>();
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            for (JsonNode key : JSON.readTree(json).path("keys")) {
                if (!"RSA".equals(key.path("kty").asText())) {
                    continue;
                }
                BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText()));
                BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()));
                result.put(key.path("kid").asText(), rsa.generatePublic(new RSAPublicKeySpec(n, e)));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("unreadable key set: " + e.getMessage(), e);
        }
        return result;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
