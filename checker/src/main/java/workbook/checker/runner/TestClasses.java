package workbook.checker.runner;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The class loader of a lab's run. The compiled tests arrive as a zip on standard input and are
 * defined from memory (their bytes are offered to nobody); then come the libraries on the class
 * path; then the code under test, from its folder. The tests and the code under test share this
 * loader, so that tests in the lab's package reach its package-private members; and that order
 * keeps a class of the code under test from standing in for a test, JUnit or the lab kit.
 */
final class TestClasses extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;
    private final Path codeUnderTest;

    private TestClasses(Map<String, byte[]> classes, Path codeUnderTest, ClassLoader parent) {
        super("lab-tests", parent);
        this.classes = classes;
        this.codeUnderTest = codeUnderTest;
    }

    /** A 4-byte length, then that many bytes of zip. */
    static TestClasses read(DataInputStream in, Path codeUnderTest) throws IOException {
        byte[] zip = new byte[in.readInt()];
        in.readFully(zip);
        Map<String, byte[]> classes = new HashMap<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (name.endsWith(".class")) {
                    classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), entries.readAllBytes());
                }
            }
        }
        return new TestClasses(classes, codeUnderTest, ClassLoader.getSystemClassLoader());
    }

    /** The classes to select: all but anonymous and local ones (JUnit merges a nested class found twice). */
    List<String> selectable() {
        return classes.keySet().stream().filter(name -> !name.matches(".*\\$\\d.*")).sorted().toList();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = classes.get(name);
                if (bytes != null) {
                    loaded = defineClass(name, bytes, 0, bytes.length);
                } else {
                    try {
                        loaded = getParent().loadClass(name);
                    } catch (ClassNotFoundException notALibrary) {
                        Path file = codeUnderTest.resolve(name.replace('.', '/') + ".class");
                        if (!Files.isRegularFile(file)) {
                            throw notALibrary;
                        }
                        try {
                            byte[] code = Files.readAllBytes(file);
                            loaded = defineClass(name, code, 0, code.length);
                        } catch (IOException e) {
                            throw new ClassNotFoundException(name, e);
                        }
                    }
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    /** Resources of the code under test's folder (the tests' own resources are on the class path). */
    @Override
    protected URL findResource(String name) {
        Path file = codeUnderTest.resolve(name);
        try {
            return !name.endsWith(".class") && Files.isRegularFile(file) ? file.toUri().toURL() : null;
        } catch (MalformedURLException e) {
            return null;
        }
    }
}
