package dev.vigil.vrrp.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a command line into words the way a POSIX shell does, without running a shell: blanks
 * separate words, single quotes keep everything literally, double quotes keep blanks and let a
 * backslash escape {@code " \ $ `} and newline, and outside quotes a backslash escapes any character.
 * No expansion of variables, globs or substitutions happens.
 */
public final class CommandLine {
    private CommandLine() {
    }

    /**
     * The words of {@code line}.
     *
     * @throws IllegalArgumentException on an unterminated quote or a trailing backslash
     */
    public static List<String> split(String line) {
        Objects.requireNonNull(line, "line");
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            inWord = true;
            if (c == '\'') {
                i = singleQuoted(line, i + 1, word);
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new IllegalArgumentException("trailing backslash in: " + line);
                }
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return List.copyOf(words);
    }

    /** Appends up to the closing single quote; returns the index after it. */
    private static int singleQuoted(String line, int from, StringBuilder word) {
        int end = line.indexOf('\'', from);
        if (end < 0) {
            throw new IllegalArgumentException("unterminated single quote in: " + line);
        }
        word.append(line, from, end);
        return end + 1;
    }

    /** Appends up to the closing double quote, handling backslash escapes; returns the index after it. */
    private static int doubleQuoted(String line, int from, StringBuilder word) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`\n".indexOf(line.charAt(i + 1)) >= 0) {
                char next = line.charAt(i + 1);
                if (next != '\n') {
                    word.append(next);
                }
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated double quote in: " + line);
    }
}
