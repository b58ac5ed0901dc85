"""Without a PostgreSQL server, the tools initialise and start a private cluster under
var/pg with the role `kepos` (never `postgres`), and stop it."""
import glob
import os
import shutil
import subprocess
import tempfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.mark.skipif(not glob.glob('/usr/lib/postgresql/*/bin/initdb'),
                    reason="Debian's postgresql binaries are not installed")
def test_private_cluster():
    script = '''
        source tools/env.sh; source tools/pg.sh
        unset PGHOST PGPORT PGUSER
        KEPOS_PG_PRIVATE=1 KEPOS_PG_PRIVATE_PORT=%d
        kepos_pg
        psql -d postgres -XAtc "select current_user || ' ' || inet_server_port()"
        kepos_pg_stop
    ''' % (5440 + os.getpid() % 50)
    # Not pytest's tmp_path: the cluster's unprivileged owner must be able to reach it.
    var = os.path.join(ROOT, 'var')
    os.makedirs(var, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix='pgtest-', dir=var)
    os.chmod(tmp, 0o755)
    env = dict(os.environ, KEPOS_VAR=tmp)
    for name in ('PGHOST', 'PGPORT', 'PGUSER'):
        env.pop(name, None)
    try:
        result = subprocess.run(['bash', '-c', script], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        data = os.path.join(tmp, 'pg', 'data')
        initialised = os.path.isfile(os.path.join(data, 'PG_VERSION'))
        still_running = os.path.exists(os.path.join(data, 'postmaster.pid'))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    assert result.returncode == 0, result.stderr.decode()
    user, port = result.stdout.decode().split()
    assert user == 'kepos'
    assert int(port) == 5440 + os.getpid() % 50
    assert initialised
    assert not still_running
