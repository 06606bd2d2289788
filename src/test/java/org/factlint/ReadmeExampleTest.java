package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example compiles as written and runs: imports, exceptions, the desk closed, the documents. */
class ReadmeExampleTest {
    @TempDir
    Path tmp;

    static String example() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("(?s)## Embedding in Java\\s+```java\\n(.*?)```").matcher(readme);
        assertThat(m.find()).as("a java block under '## Embedding in Java'").isTrue();
        return m.group(1);
    }

    @Test
    void embeddingExample_compilesAsWritten_andChecksTheSeed() throws Exception {
        String source = example();
        Path src = Files.writeString(tmp.resolve("CheckClaims.java"), source);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, null, diagnostics, "-proc:none", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.toString());
        assertThat(rc).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        // the example reads claims.json from the working directory: run it where that is the seed
        Path claims = Path.of("claims.json");
        assertThat(claims).as("no claims.json of our own in the work tree").doesNotExist();
        Files.copy(Path.of("seeds/moscow-times.claims.json"), claims);
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass("CheckClaims").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
            Files.delete(claims);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(12);
        assertThat(lines.get(0)).startsWith("HIGH UNC-");
        assertThat(lines).contains("HIGH UNC-NONCONFIRMED [mt:c1, mt:c4]: " + Factlint.checker().check(
                Factlint.read(Path.of("seeds/moscow-times.claims.json"))).flags().stream()
                .filter(f -> f.code().equals("UNC-NONCONFIRMED")).findFirst().orElseThrow().message());
        assertThat(lines.get(11)).isEqualTo("mt: 11 flags");
    }
}
