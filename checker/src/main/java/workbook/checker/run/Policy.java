package workbook.checker.run;

import de.thetaphi.forbiddenapis.Checker;
import de.thetaphi.forbiddenapis.ForbiddenApiException;
import de.thetaphi.forbiddenapis.Logger;
import de.thetaphi.forbiddenapis.ParseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The bytecode policy on the code under test, checked with forbiddenapis on its compiled classes
 * before any test runs. It refuses what would let that code step outside its test: ending the JVM,
 * starting processes, loading native code, reflection into private members (of the tests, JUnit,
 * the lab kit or the checker's runner, whose memory holds the run's secret), heap dumps, agents and
 * management beans (other ways to read that memory), raw standard streams, and rewriting the JVM's
 * system properties. File writes outside the temp folder and network access beyond loopback cannot
 * be told apart in bytecode; the sandbox ({@link Sandbox}) stops those.
 * <p>
 * A lab that needs one of these (a lab about processes, say) lists the signature lines it allows,
 * as written below, in {@code checker/hidden/NN-slug/policy-allow.txt}.
 */
public final class Policy {
    public static final String ALLOW_FILE = "policy-allow.txt";

    static final String SIGNATURES = """
            @defaultMessage ends the JVM, and every test with it
            java.lang.System#exit(int)
            java.lang.Runtime#exit(int)
            java.lang.Runtime#halt(int)
            @defaultMessage starts or controls processes
            java.lang.ProcessBuilder
            java.lang.Runtime#exec(**)
            java.lang.ProcessHandle
            @defaultMessage loads native code
            java.lang.System#load(java.lang.String)
            java.lang.System#loadLibrary(java.lang.String)
            java.lang.Runtime#load(java.lang.String)
            java.lang.Runtime#loadLibrary(java.lang.String)
            @defaultMessage reflection into private members (the tests', JUnit's, the lab kit's, the checker's)
            java.lang.reflect.AccessibleObject#setAccessible(boolean)
            java.lang.reflect.AccessibleObject#setAccessible(java.lang.reflect.AccessibleObject[],boolean)
            java.lang.reflect.AccessibleObject#trySetAccessible()
            java.lang.invoke.MethodHandles#privateLookupIn(java.lang.Class,java.lang.invoke.MethodHandles$Lookup)
            sun.misc.Unsafe
            @defaultMessage reads the JVM's memory or attaches to it (heap dumps, agents, management beans)
            java.lang.management.ManagementFactory
            com.sun.management.HotSpotDiagnosticMXBean
            com.sun.tools.attach.VirtualMachine
            java.lang.instrument.Instrumentation
            @defaultMessage writes around the test's captured output, or reads the runner's input
            java.io.FileDescriptor#in
            java.io.FileDescriptor#out
            java.io.FileDescriptor#err
            java.lang.System#setIn(java.io.InputStream)
            @defaultMessage reads class files and resources (the tests' compiled classes among them)
            java.lang.Class#getResource(java.lang.String)
            java.lang.Class#getResourceAsStream(java.lang.String)
            java.lang.ClassLoader#getResource(java.lang.String)
            java.lang.ClassLoader#getResourceAsStream(java.lang.String)
            java.lang.ClassLoader#getResources(java.lang.String)
            java.lang.ClassLoader#resources(java.lang.String)
            java.lang.ClassLoader#getSystemResource(java.lang.String)
            java.lang.ClassLoader#getSystemResourceAsStream(java.lang.String)
            java.lang.ClassLoader#getSystemResources(java.lang.String)
            @defaultMessage random access into files (the way to read the JVM's own memory through /proc/self/mem)
            java.io.RandomAccessFile
            java.nio.channels.SeekableByteChannel#position(long)
            java.nio.channels.FileChannel#position(long)
            java.nio.channels.FileChannel#read(java.nio.ByteBuffer,long)
            java.io.InputStream#skip(long)
            java.io.InputStream#skipNBytes(long)
            @defaultMessage reads all or changes the JVM's system properties (the test runner's settings)
            java.lang.System#getProperties()
            java.lang.System#setProperties(java.util.Properties)
            java.lang.System#setProperty(java.lang.String,java.lang.String)
            java.lang.System#clearProperty(java.lang.String)
            """;

    /** One refused call, in words a student can act on. */
    public record Violation(String call, String reason, String where) {
        public String describe() {
            return call + " (" + reason + ") at " + where;
        }
    }

    private static final Pattern FORBIDDEN = Pattern.compile("Forbidden [^:]+: (\\S+)(?: \\[(.*)])?");
    private static final Pattern LOCATION = Pattern.compile("\\s*in (\\S+) \\((.*)\\)");

    private Policy() {
    }

    /** The signature lines in force for a lab: the policy less the lines its allowance file lists. */
    static String signatures(Path hiddenLabDir) {
        Set<String> allowed = Set.of();
        Path allowFile = hiddenLabDir == null ? null : hiddenLabDir.resolve(ALLOW_FILE);
        if (allowFile != null && Files.isRegularFile(allowFile)) {
            try {
                allowed = Files.readAllLines(allowFile, StandardCharsets.UTF_8).stream().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toSet());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + allowFile, e);
            }
        }
        Set<String> allowedLines = allowed;
        return SIGNATURES.lines().filter(line -> !allowedLines.contains(line.strip())).collect(Collectors.joining("\n")) + "\n";
    }

    /**
     * Checks the classes compiled from the code under test: every class in {@code classes} except
     * those compiled from the course's given sources (a class whose top-level class has a file in
     * {@code givenSources}).
     */
    public static List<Violation> check(Path classes, Path givenSources, List<Path> classpath, Path hiddenLabDir) throws IOException {
        List<Path> studentClasses;
        try (Stream<Path> walk = Files.walk(classes)) {
            studentClasses = walk.filter(path -> path.toString().endsWith(".class"))
                    .filter(path -> !fromGiven(classes.relativize(path), givenSources)).sorted().toList();
        }
        if (studentClasses.isEmpty()) {
            return List.of();
        }
        List<URL> urls = new ArrayList<>();
        urls.add(url(classes));
        classpath.forEach(entry -> urls.add(url(entry)));
        List<String> errors = new ArrayList<>();
        Logger logger = new Logger() {
            public void error(String message) {
                errors.add(message);
            }

            public void warn(String message) {
            }

            public void info(String message) {
            }

            public void debug(String message) {
            }
        };
        try (URLClassLoader loader = new URLClassLoader("policy", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Checker checker = new Checker(logger, loader, EnumSet.of(Checker.Option.FAIL_ON_VIOLATION));
            checker.parseSignaturesString(signatures(hiddenLabDir));
            for (Path file : studentClasses) {
                try (InputStream in = Files.newInputStream(file)) {
                    checker.addClassToCheck(in, file.toString());
                }
            }
            checker.run();
        } catch (ForbiddenApiException e) {
            // the violations are in what the logger received
        } catch (ParseException e) {
            throw new IllegalStateException("the checker's bytecode policy does not parse: " + e.getMessage(), e);
        }
        return violations(errors);
    }

    /** forbiddenapis reports a violation as "Forbidden method invocation: X [reason]", then "  in Class (File.java:12)". */
    static List<Violation> violations(List<String> errors) {
        List<Violation> found = new ArrayList<>();
        for (String error : errors) {
            for (String line : error.split("\\R")) {
                Matcher forbidden = FORBIDDEN.matcher(line.strip());
                Matcher location = LOCATION.matcher(line);
                if (forbidden.matches()) {
                    found.add(new Violation(forbidden.group(1), forbidden.group(2) == null ? "not allowed" : forbidden.group(2), "an unknown place"));
                } else if (location.matches() && !found.isEmpty()) {
                    Violation last = found.remove(found.size() - 1);
                    found.add(new Violation(last.call(), last.reason(), location.group(1) + " (" + location.group(2) + ")"));
                }
            }
        }
        return found;
    }

    private static boolean fromGiven(Path classFile, Path givenSources) {
        if (givenSources == null || !Files.isDirectory(givenSources)) {
            return false;
        }
        String name = classFile.toString();
        String topLevel = name.substring(0, name.length() - ".class".length());
        int nested = topLevel.indexOf('$', Math.max(0, topLevel.lastIndexOf('/')));
        if (nested >= 0) {
            topLevel = topLevel.substring(0, nested);
        }
        return Files.isRegularFile(givenSources.resolve(topLevel + ".java"));
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
