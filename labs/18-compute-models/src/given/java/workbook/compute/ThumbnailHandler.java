package workbook.compute;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Task 3's function: an upload event (XML) in, a PNG thumbnail out. Small, but it touches an XML
 * parser, 2D imaging and an image encoder, as real handlers touch their libraries: a fresh JVM must
 * load and initialise several hundred classes before the first answer.
 */
public final class ThumbnailHandler {
    /** The event every run handles. */
    public static final String EVENT = "<upload><bucket>photos</bucket><key>cat.png</key><width>160</width><height>120</height></upload>";

    /** Made once per JVM, in the cold start, as a function's initialisation code should be: not on every request. */
    private static final DocumentBuilderFactory XML = DocumentBuilderFactory.newInstance();

    static {
        // Encode in memory: by default ImageIO buffers through a temporary file.
        ImageIO.setUseCache(false);
    }

    private ThumbnailHandler() {
    }

    /** Handles one event; returns the size of the thumbnail in bytes. */
    public static int handle(String event) throws Exception {
        var document = XML.newDocumentBuilder()
                .parse(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
        int width = Integer.parseInt(document.getElementsByTagName("width").item(0).getTextContent());
        int height = Integer.parseInt(document.getElementsByTagName("height").item(0).getTextContent());
        BufferedImage upload = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                upload.setRGB(x, y, (x * 7) ^ (y * 13));
            }
        }
        BufferedImage thumbnail = new BufferedImage(width / 4, height / 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = thumbnail.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(upload, 0, 0, width / 4, height / 4, null);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(thumbnail, "png", png)) {
            throw new IOException("no PNG writer in this JDK");
        }
        return png.size();
    }

    /** A cold start: a fresh JVM that handles one event and exits, printing the thumbnail's size. */
    public static void main(String[] args) throws Exception {
        System.out.println("thumbnail-bytes=" + handle(EVENT));
    }
}
