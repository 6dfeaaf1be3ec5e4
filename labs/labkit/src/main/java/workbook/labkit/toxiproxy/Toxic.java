package workbook.labkit.toxiproxy;

import java.util.Map;

/**
 * One toxic on a proxy. Immutable: an update makes a new instance, which is how a live connection
 * notices that the toxic changed (it then draws its toxicity again, as Toxiproxy does).
 *
 * @param streamAsGiven the stream as the request spelled it ({@code UPSTREAM}, say): Toxiproxy reads it
 *                      in any case but stores and shows it as given
 * @param since {@link System#nanoTime()} when this version took effect; timers of toxics added to a
 *              connection that is already open start here
 */
record Toxic(String name, ToxicType type, Direction stream, String streamAsGiven, float toxicity,
             Map<String, Long> attributes, long since) {

    Toxic {
        attributes = Map.copyOf(attributes);
    }

    long attribute(String attributeName) {
        return attributes.getOrDefault(attributeName, 0L);
    }

    Toxic updated(float newToxicity, Map<String, Long> newAttributes) {
        return new Toxic(name, type, stream, streamAsGiven, newToxicity, newAttributes, System.nanoTime());
    }
}
