package workbook.compute;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Task 3's real runtime: {@link #coldStart} starts this JDK's own {@code java} as a new process that
 * runs {@link ThumbnailHandler} from a jar, and counts the classes it loaded (with
 * {@code -Xlog:class+load}). The handler lives in a jar because a class-data-sharing archive only
 * takes classes from jars, never from a folder of class files. Close it to delete its files.
 */
public final class RealJvm implements HandlerRuntime, AutoCloseable {
    private static final String HANDLER_CLASS = ThumbnailHandler.class.getName();
    private static final Duration LONGEST_START = Duration.ofSeconds(60);

    private final Path folder;
    private final Path jar;
    private int archives;

    public RealJvm() {
        try {
            folder = Files.createTempDirectory("lab18-jvm");
            jar = folder.resolve("handler.jar");
            writeHandlerJar(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the handler's jar in the temp folder", e);
        }
    }

    private static void writeHandlerJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        String entry = HANDLER_CLASS.replace('.', '/') + ".class";
        byte[] classFile = handlerClassFile(entry);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(entry));
            out.write(classFile);
            out.closeEntry();
        }
    }

    /**
     * The handler's compiled bytes: a class path resource under Maven; a grader that loads the lab's
     * classes from a folder named on its command line and offers no class file as a resource makes
     * us look in the folders of the class path and of the command line instead.
     */
    private static byte[] handlerClassFile(String entry) throws IOException {
        try (InputStream resource = ThumbnailHandler.class.getResourceAsStream("ThumbnailHandler.class")) {
            if (resource != null) {
                return resource.readAllBytes();
            }
        }
        String places = System.getProperty("java.class.path", "") + File.pathSeparator
                + System.getProperty("sun.java.command", "").replace(' ', File.pathSeparatorChar);
        for (String place : places.split(File.pathSeparator)) {
            if (!place.isBlank()) {
                Path candidate = Path.of(place).resolve(entry);
                if (Files.isRegularFile(candidate)) {
                    return Files.readAllBytes(candidate);
                }
            }
        }
        throw new IOException("the class file of " + HANDLER_CLASS + " is neither a resource nor in a folder of the class path");
    }

    @Override
    public JvmStart coldStart(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.awt.headless=true");
        command.add("-XX:+UseSerialGC");
        command.add("-Xlog:class+load=info:stdout");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(jar.toString());
        command.add(HANDLER_CLASS);
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(LONGEST_START.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("a fresh JVM did not finish within " + LONGEST_START.toSeconds() + " s: " + command);
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0 || !text.contains("thumbnail-bytes=")) {
                throw new IllegalStateException("the JVM started with " + jvmOptions + " failed (exit " + process.exitValue()
                        + "); its last output: " + tail(text));
            }
            int loaded = 0;
            int fromFiles = 0;
            for (String line : text.split("\n")) {
                if (line.contains("][class,load] ")) {
                    loaded++;
                    if (!line.contains("source: shared objects file")) {
                        fromFiles++;
                    }
                }
            }
            return new JvmStart(wall, loaded, fromFiles);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a fresh JVM ran", e);
        }
    }

    private static String tail(String text) {
        return text.length() <= 600 ? text : "..." + text.substring(text.length() - 600);
    }

    @Override
    public Duration invokeWarm() {
        try {
            long start = System.nanoTime();
            ThumbnailHandler.handle(ThumbnailHandler.EVENT);
            return Duration.ofNanos(System.nanoTime() - start);
        } catch (Exception e) {
            throw new IllegalStateException("the handler failed in this JVM", e);
        }
    }

    @Override
    public Path newArchivePath() {
        return folder.resolve("handler-" + (++archives) + ".jsa");
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("[lab 18] could not delete " + folder + ": " + e.getMessage());
        }
    }
}
