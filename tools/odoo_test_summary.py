"""Sum up an Odoo test log: prints 'odoo: N passed, M failed' and exits 1 on failures.

Odoo 11's runner logs one 'Ran N tests' line per test module and one line per failing
or erroring test; it has no closing summary of its own.
"""
import re
import sys

RAN = re.compile(r' Ran (\d+) tests? in ')
FAILED = re.compile(r' (?:ERROR|CRITICAL) \S+ \S+: (?:FAIL|ERROR): ')
BROKEN = re.compile(r'(Can not .import|Couldn\'t load module|failed loading)')


def main(path):
    ran = failed = broken = 0
    with open(path, errors='replace') as log:
        for line in log:
            match = RAN.search(line)
            if match:
                ran += int(match.group(1))
            elif FAILED.search(line):
                failed += 1
            elif BROKEN.search(line):
                broken += 1
    print('odoo: %d passed, %d failed' % (ran - failed, failed + broken))
    return 1 if failed or broken or not ran else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
