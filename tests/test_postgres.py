"""Without a PostgreSQL server, the tools initialise and start a private cluster with
the role `kepos` (never `postgres`), and stop it, from a checkout under a private
directory (mode 700, as /root): as root, the cluster's unprivileged owner could not
reach var/ there, so it lives outside the checkout."""
import glob
import os
import shutil
import subprocess
import tempfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.mark.skipif(not glob.glob('/usr/lib/postgresql/*/bin/initdb'),
                    reason="Debian's postgresql binaries are not installed")
def test_private_cluster_from_a_private_checkout():
    port = 5440 + os.getpid() % 50
    script = '''
        source tools/env.sh; source tools/pg.sh
        unset PGHOST PGPORT PGUSER
        KEPOS_PG_PRIVATE=1 KEPOS_PG_PRIVATE_PORT=%d
        kepos_pg
        psql -d postgres -XAtc "select current_user || ' ' || inet_server_port()"
        echo "$KEPOS_PGDATA"
        kepos_pg_stop
    ''' % port
    private = tempfile.mkdtemp(prefix='kepos-private-')  # mode 700
    checkout = os.path.join(private, 'kepos-si')
    shutil.copytree(os.path.join(ROOT, 'tools'), os.path.join(checkout, 'tools'))
    env = dict(os.environ, KEPOS_VAR=os.path.join(checkout, 'var'))
    for name in ('PGHOST', 'PGPORT', 'PGUSER', 'KEPOS_PG_DIR'):
        env.pop(name, None)
    data = None
    try:
        assert os.stat(private).st_mode & 0o777 == 0o700
        result = subprocess.run(['bash', '-c', script], cwd=checkout, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        assert result.returncode == 0, result.stderr.decode()
        user_port, data = result.stdout.decode().splitlines()[-2:]
        initialised = os.path.isfile(os.path.join(data, 'PG_VERSION'))
        still_running = os.path.exists(os.path.join(data, 'postmaster.pid'))
    finally:
        shutil.rmtree(private, ignore_errors=True)
        if data:
            shutil.rmtree(os.path.dirname(data), ignore_errors=True)
    user, served = user_port.split()
    assert user == 'kepos'
    assert int(served) == port
    assert initialised
    assert not still_running
    if os.getuid() == 0:
        assert not data.startswith(private), data
