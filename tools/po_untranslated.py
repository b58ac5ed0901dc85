"""List the entries of a .po file whose msgstr is empty; exit 1 if there is any."""
import ast
import sys


def entries(path):
    msgid = msgstr = None
    current = None
    with open(path, encoding='utf-8') as po:
        for line in po:
            line = line.strip()
            if line.startswith('msgid '):
                if msgid:
                    yield msgid, msgstr
                msgid, msgstr, current = ast.literal_eval(line[6:]), '', 'id'
            elif line.startswith('msgstr '):
                msgstr, current = ast.literal_eval(line[7:]), 'str'
            elif line.startswith('"') and current == 'id':
                msgid += ast.literal_eval(line)
            elif line.startswith('"') and current == 'str':
                msgstr += ast.literal_eval(line)
    if msgid:
        yield msgid, msgstr


def main(path):
    missing = [msgid for msgid, msgstr in entries(path) if not msgstr]
    for msgid in missing:
        print('  %r' % msgid)
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
