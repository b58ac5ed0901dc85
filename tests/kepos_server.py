"""Start a Kèpos SI server the way `make run` does, on a throwaway database and a free
port, and talk to it over JSON-RPC. Used by the end-to-end tests and the benchmarks."""
import itertools
import os
import socket
import subprocess
import sys
import time

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.environ.get('VENV', os.path.join(ROOT, '.venv'))
VAR = os.environ.get('KEPOS_VAR', os.path.join(ROOT, 'var'))


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def psql(sql):
    subprocess.run(['psql', '-d', 'postgres', '-XqAc', sql], check=True,
                   stdout=subprocess.DEVNULL)


def copy_database(template, name):
    psql('DROP DATABASE IF EXISTS "%s"' % name)
    subprocess.run(['createdb', '-T', template, name], check=True)


def drop_database(name):
    psql('DROP DATABASE IF EXISTS "%s"' % name)


class RpcError(Exception):
    def __init__(self, error):
        data = error.get('data') or {}
        self.name = data.get('name', '')
        self.message = data.get('message') or error.get('message')
        super().__init__('%s: %s' % (self.name, self.message))


class Server:
    """A running Odoo server on its own database."""

    def __init__(self, db, workers=0, log_name=None):
        self.db = db
        self.port = free_port()
        self.url = 'http://127.0.0.1:%d' % self.port
        self.log = os.path.join(VAR, 'log', log_name or 'e2e-%s.log' % db)
        cmd = [os.path.join(VENV, 'bin', 'python'), os.path.join(ROOT, 'tools', 'odoo-bin'),
               '-c', os.environ['KEPOS_CONF'], '-d', db, '--db-filter', '^%s$' % db,
               '--http-port', str(self.port), '--longpolling-port', str(free_port()),
               '--workers', str(workers), '--max-cron-threads', '0',
               '--logfile', self.log]
        # As tools/env.sh does: lessc for the stylesheets, the patched wkhtmltopdf for PDFs.
        node_bin = os.path.join(os.environ.get('KEPOS_NODE_MODULES', os.path.join(ROOT, 'node_modules')), '.bin')
        env = dict(os.environ, TZ='UTC',
                   PATH=os.pathsep.join([os.path.join(VAR, 'bin'), node_bin, os.environ['PATH']]))
        self.process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, env=env)
        self._wait_ready()
        self._ids = itertools.count(1)

    def _wait_ready(self, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError('server exited with %s, see %s' % (self.process.returncode, self.log))
            try:
                # The first request loads the registry: a short client timeout would make
                # the server log a broken pipe ("Error on request") on a slow machine.
                if requests.get(self.url + '/web/login', timeout=timeout).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError('server not ready after %d s, see %s' % (timeout, self.log))

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def call(self, service, method, *args):
        payload = {'jsonrpc': '2.0', 'method': 'call', 'id': next(self._ids),
                   'params': {'service': service, 'method': method, 'args': list(args)}}
        reply = requests.post(self.url + '/jsonrpc', json=payload, timeout=120).json()
        if 'error' in reply:
            raise RpcError(reply['error'])
        return reply.get('result')  # Odoo leaves out a None result

    def login(self, login, password=None):
        uid = self.call('common', 'login', self.db, login, password or login)
        if not uid:
            raise RpcError({'message': 'login failed for %s' % login})
        return Client(self, uid, password or login)

    def errors_in_log(self):
        with open(self.log, errors='replace') as log:
            return [line for line in log if ' ERROR ' in line or ' CRITICAL ' in line]


class Client:
    """One user's JSON-RPC session: client.execute('res.partner', 'search_read', [...])."""

    def __init__(self, server, uid, password):
        self.server, self.uid, self.password = server, uid, password

    def execute(self, model, method, *args, **kwargs):
        return self.server.call('object', 'execute_kw', self.server.db, self.uid,
                                self.password, model, method, list(args), kwargs)

    def ref(self, xmlid):
        """The id of the record `xmlid` ('module.name')."""
        return self.execute('ir.model.data', 'xmlid_to_res_id', xmlid)


def commercial_partner_id(client, login):
    """The id of the company that the user `login` acts for (read by `client`)."""
    [user] = client.execute('res.users', 'search_read', [('login', '=', login)], ['partner_id'])
    [partner] = client.execute('res.partner', 'read', [user['partner_id'][0]],
                               ['commercial_partner_id'])
    return partner['commercial_partner_id'][0]


def start_server(template, suffix, workers=0):
    """Copy `template` to a throwaway database and serve it; returns the Server."""
    db = '%s_%s' % (template, suffix)
    copy_database(template, db)
    try:
        return Server(db, workers=workers)
    except Exception:
        drop_database(db)
        raise


if __name__ == '__main__':  # pragma: no cover - manual use: python kepos_server.py DB
    srv = Server(sys.argv[1])
    print(srv.url)
