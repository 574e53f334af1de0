package io.hireflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every text exists in Korean and in English, and every text is a valid message pattern. */
class MessageBundleTests {

    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void koreanAndEnglishBundlesHaveTheSameKeys() throws IOException {
        for (Path english : bundles("_en.properties")) {
            Path korean = english.resolveSibling(english.getFileName().toString().replace("_en.", "_ko."));
            assertThat(korean).as("Korean bundle beside " + english).exists();
            assertThat(load(korean).stringPropertyNames()).as(korean.toString())
                    .containsExactlyInAnyOrderElementsOf(load(english).stringPropertyNames());
        }
    }

    @Test
    void everyMessageIsAValidPattern() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path bundle : bundles(".properties")) {
            Properties messages = load(bundle);
            for (String key : messages.stringPropertyNames()) {
                try {
                    new MessageFormat(messages.getProperty(key));
                } catch (IllegalArgumentException e) {
                    broken.add(bundle.getFileName() + " " + key + ": " + e.getMessage());
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    private static List<Path> bundles(String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix))
                    .filter(file -> file.getFileName().toString().matches(".*_(en|ko)\\.properties"))
                    .toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
