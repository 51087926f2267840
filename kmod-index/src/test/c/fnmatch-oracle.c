/*
 * Test-side oracle for Fnmatch: reads "PATTERN<TAB>STRING" lines on stdin and prints
 * "M<TAB>PATTERN<TAB>STRING" when glibc's fnmatch(PATTERN, STRING, 0) matches, "-<TAB>..." when not.
 * No setlocale(): the C locale, as modprobe runs. Used to produce
 * src/test/resources/fnmatch/glibc-cases.tsv (see gen-fnmatch-cases.sh); not part of the build.
 */
#include <fnmatch.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    char line[8192];
    while (fgets(line, sizeof line, stdin)) {
        size_t len = strlen(line);
        if (len && line[len - 1] == '\n')
            line[--len] = '\0';
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = '\0';
        int r = fnmatch(line, tab + 1, 0);
        printf("%c\t%s\t%s\n", r == 0 ? 'M' : '-', line, tab + 1);
    }
    return 0;
}
