package com.relationship.localstack;

import com.relationship.security.Role;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar local-stack.jar token --roles writer,reader --subject alice [--ttl 8h]}: a signed
 * token the local stack's services accept, printed alone on the last line of standard output (so
 * {@code TOKEN=$(... | tail -1)} works); what it is goes to standard error. It uses the key pair in
 * the data directory the launcher uses, and makes it if absent, so it works before the first start.
 * Local only: in production the identity provider mints the tokens.
 */
final class TokenCommand {

    static final String NAME = "token";
    /** The roles the services know (issue 7), as the roles claim names them; a token may carry several. */
    static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::claimValue).toList();
    /** A working day. */
    static final Duration DEFAULT_TTL = Duration.ofHours(8);
    /** Long enough for a day at the keyboard, short enough that a token pasted somewhere goes stale. */
    static final Duration MAX_TTL = Duration.ofHours(24);
    /** The actor of every event the token's commands store; the services cap names at 200 characters. */
    static final int MAX_SUBJECT_LENGTH = 200;
    static final int EXIT_BAD_ARGUMENTS = 2;

    static final String USAGE = """
            usage: java -jar local-stack.jar token --roles ROLE[,ROLE...] --subject NAME [--ttl DURATION]
              --roles    any of writer (commands), reader (read models), auditor (history), admin (operations)
              --subject  who the token is for: the actor recorded on every event its commands store
              --ttl      how long it is valid: 90s, 30m, 8h, 1d (default 8h, at most 24h)
              The data directory is the launcher's (-Dlocalstack.data-dir, LOCALSTACK_DATA_DIR, default ./data).""";

    private static final Pattern TTL = Pattern.compile("([1-9][0-9]{0,5})([smhd])");

    private TokenCommand() {
    }

    /** What to mint, from the arguments after {@code token}. */
    record Request(String subject, List<String> roles, Duration ttl) {
    }

    /**
     * Mints and prints the token; answers the exit code: 0, or {@value #EXIT_BAD_ARGUMENTS} with the
     * reason and the usage on {@code err} when an argument is wrong.
     */
    static int run(List<String> args, Path keysDir, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        Request request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("local-stack token: " + e.getMessage());
            err.println(USAGE);
            return EXIT_BAD_ARGUMENTS;
        }
        LocalTokens.Minted token = LocalTokens.mint(keysDir, request.subject(), request.roles(), request.ttl());
        err.printf("A token for subject '%s' with roles %s, valid until %s (%s), signed with the key in %s.%n"
                        + "Send it as 'Authorization: Bearer <token>' to the local stack's services:%n",
                request.subject(), String.join(",", request.roles()), token.expiresAt(), describe(request.ttl()),
                keysDir);
        err.flush();
        out.println(token.jwt());
        out.flush();
        return 0;
    }

    static Request parse(List<String> args) {
        String subject = null;
        String roles = null;
        String ttl = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                value = null;
            }
            switch (name) {
                case "--subject" -> subject = once(name, subject, value);
                case "--roles" -> roles = once(name, roles, value);
                case "--ttl" -> ttl = once(name, ttl, value);
                default -> throw new IllegalArgumentException("unknown argument '" + arg
                        + "'; the arguments are --roles, --subject and --ttl");
            }
        }
        if (subject == null) {
            throw new IllegalArgumentException("--subject is missing: say who the token is for, e.g. --subject alice");
        }
        if (roles == null) {
            throw new IllegalArgumentException("--roles is missing: give one or more of " + String.join(", ", ROLES)
                    + ", e.g. --roles writer,reader");
        }
        return new Request(subject(subject), roles(roles), ttl == null ? DEFAULT_TTL : ttl(ttl));
    }

    private static String once(String name, String previous, String value) {
        if (previous != null) {
            throw new IllegalArgumentException(name + " is given twice");
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return value.trim();
    }

    private static String subject(String subject) {
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            throw new IllegalArgumentException("--subject is " + subject.length() + " characters long; at most "
                    + MAX_SUBJECT_LENGTH);
        }
        if (subject.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("--subject contains a control character");
        }
        return subject;
    }

    private static List<String> roles(String roles) {
        Set<String> chosen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String role : roles.split(",", -1)) {
            String name = role.trim().toLowerCase(Locale.ROOT);
            if (ROLES.contains(name)) {
                chosen.add(name);
            } else {
                unknown.add("'" + role.trim() + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown role " + String.join(", ", unknown) + " in --roles; the roles are "
                    + String.join(", ", ROLES));
        }
        return List.copyOf(chosen);
    }

    static Duration ttl(String ttl) {
        Matcher m = TTL.matcher(ttl.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--ttl is '" + ttl + "' but must be a whole number and a unit, "
                    + "s, m, h or d: 90s, 30m, 8h, 1d");
        }
        long amount = Long.parseLong(m.group(1));
        Duration duration = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (duration.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("--ttl is " + ttl + " but a local token lives at most "
                    + describe(MAX_TTL) + "; mint a new one when it expires");
        }
        return duration;
    }

    private static String describe(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** For the banner: the command that mints a token for the first walkthrough steps. */
    static String example() {
        return "java -jar deploy/local-stack/target/local-stack.jar token --roles writer,reader --subject alice";
    }
}
