package io.github.jkmod.cli;

import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.sysfs.InitstateLogic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser on its own; expected texts were observed with kmod 30's modprobe. */
class OptionParserTest {
    private static final String ARGV0 = "/sbin/jmodprobe";

    private static ModprobeOptions ok(Map<String, String> env, String... args) throws UsageException {
        ParseResult r = OptionParser.parse(ARGV0, List.of(args), env);
        return assertInstanceOf(ParseResult.Run.class, r).options();
    }

    private static ModprobeOptions ok(String... args) throws UsageException {
        return ok(Map.of(), args);
    }

    private static String error(Map<String, String> env, String... args) {
        return assertThrows(UsageException.class,
                () -> OptionParser.parse(ARGV0, List.of(args), env)).text();
    }

    private static String error(String... args) {
        return error(Map.of(), args);
    }

    @Test
    void defaults() throws UsageException {
        ModprobeOptions o = ok("ext4");
        assertEquals(ModprobeOptions.builder().operands(List.of("ext4")).build(), o);
        assertEquals(Log.WARNING, o.logPriority());
        assertEquals(InitstateLogic.KMOD_20, o.initstateLogic());
        assertEquals(ModprobeAction.INSERT, o.action());
        assertEquals(List.of("ext4"), o.moduleNames());
        assertEquals("", o.moduleParameters());
        assertEquals(Optional.empty(), o.childModprobeOptions());
    }

    @Test
    void everyFlagAndPermutation() throws UsageException {
        ModprobeOptions o = ok("m", "-arRibDcn", "p1", "--first-time", "--remove-dependencies",
                "--show-modversions", "--show-exports", "-w0x10", "-C", "a", "-Cb", "--config=c",
                "--config", "d", "-d/r1", "--dirname", "/r2", "-S1", "--set-version=2", "-s",
                "p2", "--force-modversion");
        assertTrue(o.all() && o.remove() && o.resolveAlias() && o.ignoreCommands()
                && o.useBlacklist() && o.showDepends() && o.showConfig() && o.dryRun()
                && o.firstTime() && o.removeHolders() && o.showModversions() && o.showExports()
                && o.syslog() && o.forceModversion());
        assertFalse(o.forceVermagic());
        assertEquals(16, o.waitMsec());
        assertEquals(List.of("a", "b", "c", "d"), o.configPaths());
        assertEquals(Optional.of("/r2"), o.root());
        assertEquals(Optional.of("2"), o.kernelVersion());
        assertEquals(List.of("m", "p1", "p2"), o.operands());
        assertEquals(ModprobeAction.SHOW_CONFIG, o.action());
        assertEquals(Optional.of("-C a -C b -C c -C d -s"), o.childModprobeOptions());
    }

    @Test
    void forceSetsBothForceFlags() throws UsageException {
        ModprobeOptions o = ok("--force", "x");
        assertTrue(o.forceModversion() && o.forceVermagic());
        assertTrue(ok("-f", "x").forceVermagic());
        assertTrue(ok("--force-vermagic", "x").forceVermagic());
        assertFalse(ok("--force-vermagic", "x").forceModversion());
    }

    @Test
    void uniquePrefixesAndSynonyms() throws UsageException {
        assertTrue(ok("--showc", "x").showConfig());
        assertTrue(ok("--show-c", "x").showConfig());
        assertTrue(ok("--ig", "x").ignoreCommands());
        assertTrue(ok("--i", "x").ignoreCommands());
        assertTrue(ok("--remove-d", "x").removeHolders());
        assertTrue(ok("--dr", "x").dryRun());
        assertTrue(ok("--show", "x").dryRun());
        assertTrue(ok("--dump", "x").showModversions());
        assertTrue(ok("--resolve-alias", "x").resolveAlias());
        assertEquals(Optional.of("v"), ok("--dirn=v", "x").root());
        assertEquals(Optional.of(""), ok("--dirname=", "x").root());
        assertEquals(Optional.of("--"), ok("-d", "--", "x").root());
    }

    @Test
    void verbosityFollowsCommandLineOrder() throws UsageException {
        assertEquals(7, ok("-vvv", "x").logPriority());
        assertEquals(0, ok("-v", "-q", "x").logPriority());
        assertEquals(1, ok("-q", "-v", "x").logPriority());
        assertEquals(Log.WARNING, ok("-D", "x").logPriority());
        assertEquals(Optional.of("-q -v -q"), ok("-q", "--verbose", "--quiet", "x")
                .childModprobeOptions());
    }

    @Test
    void doubleDashEndsOptions() throws UsageException {
        ModprobeOptions o = ok("a", "--", "-v", "--foo", "--");
        assertEquals(List.of("a", "-v", "--foo", "--"), o.operands());
        assertEquals(Log.WARNING, o.logPriority());
        assertEquals(List.of("-"), ok("-").operands());
    }

    @Test
    void posixlyCorrectStopsAtFirstOperand() throws UsageException {
        ModprobeOptions o = ok(Map.of("POSIXLY_CORRECT", ""), "-v", "x", "-k", "--", "y");
        assertEquals(List.of("x", "-k", "--", "y"), o.operands());
        assertEquals(5, o.logPriority());
        assertEquals(List.of("x", "-y"), ok(Map.of("POSIXLY_CORRECT", "1"), "--", "x", "-y")
                .operands());
    }

    @Test
    void modprobeOptionsComeFirst() throws UsageException {
        ModprobeOptions o = ok(Map.of("MODPROBE_OPTIONS", "-v  x"), "-q", "y");
        assertEquals(List.of("", "x", "y"), o.operands());
        assertEquals(0, o.logPriority());
        assertEquals(Optional.of("-v  x -v -q"), o.childModprobeOptions());
        assertEquals(Optional.of(" -v"), ok(Map.of("MODPROBE_OPTIONS", ""), "-v", "y")
                .childModprobeOptions());
        assertEquals("/sbin/jmodprobe: invalid option -- 'k'\n",
                error(Map.of("MODPROBE_OPTIONS", "-k"), "x"));
        assertInstanceOf(ParseResult.Help.class,
                OptionParser.parse(ARGV0, List.of("--foo"), Map.of("MODPROBE_OPTIONS", "-h")));
    }

    @Test
    void helpAndVersionStopParsingWhereTheyStand() throws UsageException {
        assertInstanceOf(ParseResult.Help.class, OptionParser.parse(ARGV0, List.of("-h", "--foo"), Map.of()));
        assertInstanceOf(ParseResult.Version.class, OptionParser.parse(ARGV0, List.of("-Vh"), Map.of()));
        assertInstanceOf(ParseResult.Help.class, OptionParser.parse(ARGV0, List.of("x", "--he"), Map.of()));
        assertInstanceOf(ParseResult.Version.class, OptionParser.parse(ARGV0, List.of("--vers"), Map.of()));
        assertEquals("/sbin/jmodprobe: invalid option -- 'k'\n", error("-k", "-h"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--foo|/sbin/jmodprobe: unrecognized option '--foo'",
        "--foo=bar|/sbin/jmodprobe: unrecognized option '--foo=bar'",
        "---x|/sbin/jmodprobe: unrecognized option '---x'",
        "--show-alias|/sbin/jmodprobe: unrecognized option '--show-alias'",
        "-k|/sbin/jmodprobe: invalid option -- 'k'",
        "-vvvk|/sbin/jmodprobe: invalid option -- 'k'",
        "--sh|/sbin/jmodprobe: option '--sh' is ambiguous; possibilities: '--show-depends' '--showconfig' '--show-config' '--show-modversions' '--show-exports' '--show'",
        "--s=x|/sbin/jmodprobe: option '--s=x' is ambiguous; possibilities: '--show-depends' '--showconfig' '--show-config' '--show-modversions' '--show-exports' '--show' '--set-version' '--syslog'",
        "--re|/sbin/jmodprobe: option '--re' is ambiguous; possibilities: '--remove' '--remove-dependencies' '--remove-holders' '--resolve-alias'",
        "--rem|/sbin/jmodprobe: option '--rem' is ambiguous; possibilities: '--remove' '--remove-dependencies' '--remove-holders'",
        "--f|/sbin/jmodprobe: option '--f' is ambiguous; possibilities: '--first-time' '--force' '--force-modversion' '--force-vermagic'",
        "--force-|/sbin/jmodprobe: option '--force-' is ambiguous; possibilities: '--force-modversion' '--force-vermagic'",
        "--d|/sbin/jmodprobe: option '--d' is ambiguous; possibilities: '--dump-modversions' '--dry-run' '--dirname'",
        "--v|/sbin/jmodprobe: option '--v' is ambiguous; possibilities: '--verbose' '--version'",
        "--=|/sbin/jmodprobe: option '--=' is ambiguous; possibilities: '--all' '--remove' '--remove-dependencies' '--remove-holders' '--wait' '--resolve-alias' '--first-time' '--ignore-install' '--ignore-remove' '--use-blacklist' '--force' '--force-modversion' '--force-vermagic' '--show-depends' '--showconfig' '--show-config' '--show-modversions' '--dump-modversions' '--show-exports' '--dry-run' '--show' '--config' '--dirname' '--set-version' '--syslog' '--quiet' '--verbose' '--version' '--help'",
        "--all=3|/sbin/jmodprobe: option '--all' doesn't allow an argument",
        "--verb=2|/sbin/jmodprobe: option '--verbose' doesn't allow an argument",
        "--ignore=x|/sbin/jmodprobe: option '--ignore-install' doesn't allow an argument",
        "--ignore-r=|/sbin/jmodprobe: option '--ignore-remove' doesn't allow an argument",
        "--wait|/sbin/jmodprobe: option '--wait' requires an argument",
        "--c|/sbin/jmodprobe: option '--config' requires an argument",
        "--set|/sbin/jmodprobe: option '--set-version' requires an argument",
        "-w|/sbin/jmodprobe: option requires an argument -- 'w'",
        "-vC|/sbin/jmodprobe: option requires an argument -- 'C'",
        "-S|/sbin/jmodprobe: option requires an argument -- 'S'",
        "-wabc|jmodprobe: ERROR: unexpected wait value 'abc'.",
        "--wait=|jmodprobe: ERROR: unexpected wait value ''.",
        "--wait=0x|jmodprobe: ERROR: unexpected wait value '0x'.",
        "-w08|jmodprobe: ERROR: unexpected wait value '08'.",
        "-v|jmodprobe: ERROR: missing parameters. See -h.",
        "-r|jmodprobe: ERROR: missing parameters. See -h.",
        "--|jmodprobe: ERROR: missing parameters. See -h.",
        "-w-1|jmodprobe: ERROR: missing parameters. See -h.",
        "--initstate-logic|/sbin/jmodprobe: option '--initstate-logic' requires an argument",
        "--initstate-logic=kmod19|jmodprobe: ERROR: unexpected initstate logic value 'kmod19' (expected kmod18 or kmod20).",
        "--initstate|/sbin/jmodprobe: unrecognized option '--initstate'",
        "--profile|/sbin/jmodprobe: option '--profile' requires an argument",
        "--profile=kmod33|jmodprobe: ERROR: unexpected profile value 'kmod33' (expected kmod30 or kmod34).",
        "--prof=kmod30|/sbin/jmodprobe: unrecognized option '--prof=kmod30'",
    })
    void refusesWithModprobesText(String arg, String expected) {
        assertEquals(expected + "\n", error(arg));
    }

    @Test
    void emptyCommandLineNeedsAnOperand() {
        assertEquals("jmodprobe: ERROR: missing parameters. See -h.\n", error());
    }

    @Test
    void showConfigNeedsNoOperand() throws UsageException {
        assertEquals(ModprobeAction.SHOW_CONFIG, ok("-c").action());
    }

    @Test
    void errorsAreNamedAfterInvocation() {
        UsageException e = assertThrows(UsageException.class,
                () -> OptionParser.parse("weird/modprobe", List.of("-w", "x"), Map.of()));
        assertEquals("modprobe: ERROR: unexpected wait value 'x'.\n", e.text());
        e = assertThrows(UsageException.class,
                () -> OptionParser.parse("weird/modprobe", List.of("-k"), Map.of()));
        assertEquals("weird/modprobe: invalid option -- 'k'\n", e.text());
    }

    @Test
    void missingParametersGoToSyslogWithS() {
        UsageException e = assertThrows(UsageException.class,
                () -> OptionParser.parse(ARGV0, List.of("-s"), Map.of()));
        assertEquals(Optional.of("ERROR: missing parameters. See -h."), e.syslogMessage());
        e = assertThrows(UsageException.class,
                () -> OptionParser.parse(ARGV0, List.of("-s", "-w", "x"), Map.of()));
        assertEquals(Optional.empty(), e.syslogMessage());
    }

    @Test
    void initstateLogicOptionWinsOverEnvironment() throws UsageException {
        Map<String, String> env = new HashMap<>();
        env.put("JKMOD_INITSTATE_LOGIC", "kmod18");
        assertEquals(InitstateLogic.KMOD_18, ok(env, "x").initstateLogic());
        assertEquals(InitstateLogic.KMOD_20, ok(env, "--initstate-logic=kmod20", "x").initstateLogic());
        assertEquals(InitstateLogic.KMOD_18, ok("--initstate-logic", "kmod18", "x").initstateLogic());
        env.put("JKMOD_INITSTATE_LOGIC", "bad");
        assertEquals(InitstateLogic.KMOD_18, ok(env, "--initstate-logic=kmod18", "x").initstateLogic());
        assertEquals("jmodprobe: ERROR: unexpected JKMOD_INITSTATE_LOGIC value 'bad' "
                + "(expected kmod18 or kmod20).\n", error(env, "x"));
        assertFalse(ok("--initstate-logic=kmod18", "x").childModprobeOptions().isPresent());
    }

    @Test
    void profileOptionWinsOverEnvironmentAndReachesHelpAndVersion() throws UsageException {
        assertEquals(KmodProfile.KMOD_34, ok("x").profile());
        Map<String, String> env = new HashMap<>();
        env.put("JKMOD_PROFILE", "kmod30");
        assertEquals(KmodProfile.KMOD_30, ok(env, "x").profile());
        assertEquals(KmodProfile.KMOD_34, ok(env, "--profile=kmod34", "x").profile());
        assertEquals(KmodProfile.KMOD_30, ok("--profile", "kmod30", "x").profile());
        assertEquals(new ParseResult.Version(KmodProfile.KMOD_30), OptionParser.parse(ARGV0, List.of("-V"), env));
        assertEquals(new ParseResult.Help(KmodProfile.KMOD_34),
                OptionParser.parse(ARGV0, List.of("--profile=kmod34", "-h", "--profile=kmod30"), env));
        env.put("JKMOD_PROFILE", "bad");
        assertEquals(KmodProfile.KMOD_30, ok(env, "--profile=kmod30", "x").profile());
        assertEquals("jmodprobe: ERROR: unexpected JKMOD_PROFILE value 'bad' (expected kmod30 or kmod34).\n",
                error(env, "x"));
        assertFalse(ok("--profile=kmod30", "x").childModprobeOptions().isPresent());
    }

    @Test
    void helpAndVersionOfEachProfile() {
        assertTrue(HelpText.render("modprobe", KmodProfile.KMOD_30).contains("\t-w, --wait <MSEC>           When"));
        assertTrue(HelpText.render("modprobe", KmodProfile.KMOD_34).contains("\t-w, --wait=<MSEC>           When"));
        assertEquals(HelpText.render("m", KmodProfile.KMOD_30).replace("--wait <", "--wait=<"),
                HelpText.render("m", KmodProfile.KMOD_34), "one line differs");
        assertTrue(VersionText.render(KmodProfile.KMOD_34).endsWith(" (kmod 34.2)\n+ZSTD +XZ +ZLIB -OPENSSL\n"));
        assertTrue(VersionText.render(KmodProfile.KMOD_30).endsWith(" (kmod 30)\n+ZSTD +XZ +ZLIB -LIBCRYPTO -EXPERIMENTAL\n"));
    }
}
