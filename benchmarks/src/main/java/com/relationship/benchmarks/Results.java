package com.relationship.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One benchmark's figures: a Markdown table on stdout and in {@code <name>.md}, and {@code <name>.json}. */
final class Results {

    /** A measured figure set: the row's label and its columns in order. */
    record Table(String name, String title, List<String> columns, List<Map<String, Object>> rows, String notes) {
    }

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    Results(Path dir) {
        this.dir = dir;
    }

    void write(Table table) throws IOException {
        String markdown = markdown(table);
        System.out.println(markdown);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(table.name() + ".md"), markdown);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("benchmark", table.name());
        document.put("title", table.title());
        document.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name")));
        document.put("rows", table.rows());
        document.put("notes", table.notes());
        json.writeValue(dir.resolve(table.name() + ".json").toFile(), document);
        System.out.println("Written to " + dir.toAbsolutePath().resolve(table.name() + ".{md,json}"));
    }

    static String markdown(Table table) {
        StringBuilder text = new StringBuilder("### ").append(table.title()).append("\n\n|");
        table.columns().forEach(c -> text.append(' ').append(c).append(" |"));
        text.append("\n|");
        table.columns().forEach(c -> text.append("---|"));
        text.append('\n');
        for (Map<String, Object> row : table.rows()) {
            text.append('|');
            table.columns().forEach(c -> text.append(' ').append(format(row.get(c))).append(" |"));
            text.append('\n');
        }
        return text.append('\n').append(table.notes()).append('\n').toString();
    }

    private static String format(Object value) {
        if (value instanceof Double d) {
            return d >= 100 ? String.format("%,.0f", d) : String.format("%.2f", d);
        }
        return value instanceof Number n ? String.format("%,d", n.longValue()) : String.valueOf(value);
    }
}
