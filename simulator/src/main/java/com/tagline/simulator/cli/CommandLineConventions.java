package com.tagline.simulator.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * What Tagline's command lines ({@code station}, {@code simulator}) do alike, on top of picocli 4.7:
 *
 * <ul>
 *   <li>A usage error is the error line and one line pointing at the command's {@code --help}, not the whole
 *       usage after it, which scrolls the error off the screen. Exit code 2 (picocli's {@code USAGE}).</li>
 *   <li>A misspelt option is reported as unknown, with the option it resembles. picocli checks required
 *       options before it reports arguments it did not match, so {@code run --cnfig X} would otherwise read
 *       "Missing required option '--config'".</li>
 *   <li>A command run without its subcommand prints the error and its usage (the list of commands) on stderr.
 *       The top commands implement neither Runnable nor Callable, so picocli treats the subcommand as
 *       required ("Missing required subcommand", exit 2); {@code --help} still exits 0.</li>
 *   <li>{@code -V/--version} answers on every subcommand with the top command's version.</li>
 * </ul>
 */
public final class CommandLineConventions {
    private static final String MISSING_SUBCOMMAND = "Missing required subcommand";

    private CommandLineConventions() {
    }

    /**
     * Applies the conventions to {@code cli} and its subcommands (add subcommands first).
     *
     * @param program how the user starts the program, for the help hint, e.g. {@code station.jar}
     */
    public static CommandLine apply(CommandLine cli, String program) {
        inheritVersion(cli, cli.getCommandSpec().version());
        cli.setParameterExceptionHandler((ex, args) -> report(ex, program));
        return cli;
    }

    private static void inheritVersion(CommandLine cli, String[] version) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommandSpec().version().length == 0) {
                sub.getCommandSpec().version(version);
            }
            inheritVersion(sub, version);
        }
    }

    private static int report(ParameterException ex, String program) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        List<String> unknown = cli.getUnmatchedArguments().stream().filter(a -> a.startsWith("-")).toList();
        if ((ex instanceof MissingParameterException || ex instanceof CommandLine.UnmatchedArgumentException)
                && !unknown.isEmpty()) {
            err.println(unknownOptions(cli.getCommandSpec(), unknown));
        } else {
            err.println(ex.getMessage());
        }
        if (String.valueOf(ex.getMessage()).startsWith(MISSING_SUBCOMMAND)) {
            cli.usage(err);
        } else {
            err.println("see '" + hint(cli.getCommandSpec(), program) + " --help'");
        }
        err.flush();
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** {@code Unknown option: '--cnfig' (did you mean --config?)}. */
    static String unknownOptions(CommandSpec spec, List<String> unknown) {
        String named = unknown.stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "));
        String first = unknown.get(0);
        int eq = first.indexOf('=');
        String guess = closest(spec, eq < 0 ? first : first.substring(0, eq));
        return (unknown.size() == 1 ? "Unknown option: " : "Unknown options: ") + named
                + (guess == null ? "" : " (did you mean " + guess + "?)");
    }

    /** The command's option name nearest to {@code typed}, within two edits, or null. */
    private static String closest(CommandSpec spec, String typed) {
        String best = null;
        int bestDistance = 3;
        for (OptionSpec o : spec.options()) {
            for (String name : o.names()) {
                int d = distance(typed, name);
                if (d < bestDistance) {
                    best = name;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    /** {@code station.jar run}: the command as the user starts it. */
    private static String hint(CommandSpec spec, String program) {
        String qualified = spec.qualifiedName();
        int space = qualified.indexOf(' ');
        return space < 0 ? program : program + qualified.substring(space);
    }
}
