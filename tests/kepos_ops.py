"""Helpers of the operations tests: run `make backup/restore/upgrade`, copy a database
with its filestore, and read the figures those must keep straight from PostgreSQL, so
that no cache nor access right hides a difference."""
import hashlib
import os
import shutil
import subprocess

from kepos_server import ROOT, VAR, copy_database, drop_database

# Business tables outside the Kèpos addons whose rows must all survive (every kepos_*
# table is counted too).
TABLES = ('res_partner', 'res_users', 'res_company', 'account_invoice', 'account_invoice_line',
          'account_move', 'account_move_line', 'account_payment', 'event_event',
          'event_registration', 'project_project', 'project_task', 'crm_lead')

SUMS = {
    'capital': """SELECT company_id, SUM(amount), SUM(quantity) FROM kepos_share_line
                  GROUP BY 1 ORDER BY 1""",
    'shares': """SELECT partner_id, share_type_id, SUM(quantity) FROM kepos_share_line
                 GROUP BY 1, 2 ORDER BY 1, 2""",
    'barter': """SELECT id, partner_id, state, balance, credit_limit, upper_limit
                 FROM kepos_barter_account ORDER BY id""",
    'invoices': """SELECT company_id, type, state, COUNT(*), SUM(amount_total), SUM(residual)
                   FROM account_invoice GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""",
    'ledger': """SELECT company_id, account_id, SUM(debit), SUM(credit) FROM account_move_line
                 GROUP BY 1, 2 ORDER BY 1, 2""",
    'states': """SELECT 'subscription', state, COUNT(*) FROM kepos_subscription GROUP BY 2
                 UNION ALL
                 SELECT 'transfer', state, COUNT(*) FROM kepos_barter_transfer GROUP BY 2
                 ORDER BY 1, 2""",
    # Documents of the records (certificates, contracts, reports); the web client's
    # compiled assets (res_model ir.ui.view) are rebuilt at will.
    'attachments': """SELECT res_model, COUNT(*), SUM(file_size) FROM ir_attachment
                      WHERE res_model IS NOT NULL AND res_model <> 'ir.ui.view'
                      GROUP BY 1 ORDER BY 1""",
}


def query(db, sql):
    """Rows of a query run by psql, as lists of strings."""
    out = subprocess.run(['psql', '-d', db, '-XAtF', '|', '-c', sql], check=True,
                         stdout=subprocess.PIPE, universal_newlines=True).stdout
    return [line.split('|') for line in out.splitlines() if line]


def tables(db, kepos_only=False):
    pattern = r'kepos\_%' if kepos_only else '%'
    return [row[0] for row in query(db, """
        SELECT table_name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
           AND table_name LIKE '%s' ORDER BY 1""" % pattern)]


def row_counts(db, names):
    sql = ' UNION ALL '.join("SELECT '%s', COUNT(*) FROM \"%s\"" % (name, name)
                             for name in names)
    return {name: int(count) for name, count in query(db, sql)}


def figures(db):
    """Row counts of the business tables and the sums of SUMS."""
    result = {'rows': row_counts(db, tables(db, kepos_only=True) + list(TABLES))}
    result.update((name, query(db, sql)) for name, sql in SUMS.items())
    return result


def filestore_problems(db, filestore):
    """Attachments of `db` whose file is missing from `filestore` or differs from its
    checksum."""
    problems = []
    for att_id, fname, checksum in query(
            db, 'SELECT id, store_fname, checksum FROM ir_attachment '
                'WHERE store_fname IS NOT NULL ORDER BY id'):
        path = os.path.join(filestore, fname)
        if not os.path.isfile(path):
            problems.append('attachment %s: %s missing' % (att_id, fname))
            continue
        with open(path, 'rb') as stored:
            if hashlib.sha1(stored.read()).hexdigest() != checksum:
                problems.append('attachment %s: %s differs' % (att_id, fname))
    return problems


def filestore(db):
    return os.path.join(VAR, 'data', 'filestore', db)


def copy_with_filestore(template, db):
    copy_database(template, db)
    shutil.rmtree(filestore(db), ignore_errors=True)
    if os.path.isdir(filestore(template)):
        shutil.copytree(filestore(template), filestore(db))


def drop_with_filestore(db):
    drop_database(db)
    shutil.rmtree(filestore(db), ignore_errors=True)


def make(target, check=True, **variables):
    """`make TARGET VAR=value…` in the repository; the tools render their own
    configuration (var/odoo-$KEPOS_DB.conf) rather than rewrite the tests' one."""
    env = dict(os.environ)
    env.pop('KEPOS_CONF', None)
    run = subprocess.run(['make', '-s', '-C', ROOT, target] +
                         ['%s=%s' % item for item in sorted(variables.items())],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         universal_newlines=True, timeout=900)
    if check:
        assert run.returncode == 0, run.stderr[-3000:]
    return run
