/**
 * A Toxiproxy-compatible server in plain Java, used by the lab kit when Docker is not available.
 *
 * <p>Labs never call this package directly: they talk to {@link workbook.labkit.toxiproxy.ToxiproxyServer}
 * through the official {@code eu.rekawek.toxiproxy.ToxiproxyClient}, exactly as they would talk to
 * Shopify's Toxiproxy. The HTTP API, its JSON and its status codes follow Toxiproxy 2.12.
 *
 * <p>How it fits together:
 * <ul>
 *   <li>{@code ToxiproxyServer} owns the threads and starts the HTTP API: {@code HttpApiServer}
 *       speaks HTTP, {@code ApiRoutes} turns requests into proxy and toxic operations;
 *       {@code ToxiproxyMain} runs a server on its own ({@code ./workbook toxiproxy});</li>
 *   <li>{@code ProxyRegistry} holds the proxies by name;</li>
 *   <li>{@code TcpProxy} listens on one port and opens a {@code ProxiedConnection} per client;</li>
 *   <li>each connection has two {@code Pipe}s, one per direction, and a pipe is where toxics act:
 *       it looks at the oldest {@code Chunk} of data waiting and asks the proxy's current toxics
 *       whether to pass it, hold it, cut it, drop it or end the stream.</li>
 * </ul>
 * Because a pipe asks the <em>current</em> toxics every time, adding, changing or removing a toxic
 * takes effect on connections that are already open, as it does in Toxiproxy.
 */
package workbook.labkit.toxiproxy;
