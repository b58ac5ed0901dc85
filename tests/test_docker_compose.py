"""docker-compose.yml is valid and runs the Kèpos addons on the official odoo:11 image."""
import os
import shutil
import subprocess

import pytest
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMPOSE = os.path.join(ROOT, 'docker-compose.yml')


def _compose_command():
    if shutil.which('docker-compose'):
        return ['docker-compose']
    if shutil.which('docker') and subprocess.run(
            ['docker', 'compose', 'version'], stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL).returncode == 0:
        return ['docker', 'compose']
    return None


def test_compose_file_validates():
    command = _compose_command()
    if not command:
        pytest.skip('no docker-compose nor docker compose plugin on this machine')
    result = subprocess.run(command + ['-f', COMPOSE, 'config', '-q'],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert result.returncode == 0, result.stderr.decode()


def test_compose_services():
    with open(COMPOSE) as f:
        compose = yaml.safe_load(f)
    services = compose['services']
    with open(os.path.join(ROOT, services['odoo']['build']['dockerfile'])) as f:
        assert f.readline().startswith('#') and 'FROM odoo:11' in f.read()
    assert services['db']['image'].startswith('postgres:')
    assert services['db']['environment']['POSTGRES_USER'] != 'postgres'
    assert './addons:/mnt/extra-addons:ro' in services['odoo']['volumes']
    assert set(compose['volumes']) == {'kepos-db', 'kepos-data'}
