"""PDF reports carry the company header and footer: this needs the patched wkhtmltopdf
that tools/install.sh installs (Debian's build silently drops them)."""
import shutil
import subprocess

import pytest
import requests


@pytest.mark.skipif(not shutil.which('pdftotext'), reason='pdftotext (poppler-utils) is not installed')
def test_invoice_pdf_has_company_header_and_footer(server):
    admin = server.login('admin', 'admin')
    company = admin.ref('base.main_company')
    invoices = admin.execute('account.invoice', 'search',
                             [('company_id', '=', company), ('type', '=', 'out_invoice')],
                             limit=1)
    assert invoices, 'the demo database has no customer invoice'
    session = requests.Session()
    session.post(server.url + '/web/session/authenticate', json={
        'jsonrpc': '2.0', 'params': {'db': server.db, 'login': 'admin', 'password': 'admin'}})
    reply = session.get('%s/report/pdf/account.report_invoice/%d' % (server.url, invoices[0]),
                        timeout=120)
    assert reply.status_code == 200
    assert reply.headers['Content-Type'] == 'application/pdf'
    text = subprocess.run(['pdftotext', '-', '-'], input=reply.content,
                          stdout=subprocess.PIPE, check=True).stdout.decode()
    assert 'Kèpos SCIC' in text                 # header: company name and address
    assert 'contact@kepos.coop' in text         # footer: company e-mail


@pytest.mark.skipif(not shutil.which('pdftotext'), reason='pdftotext (poppler-utils) is not installed')
def test_share_certificate_pdf_in_french(server):
    admin = server.login('admin', 'admin')
    bocal = admin.ref('kepos_membership.member_bocal')
    line = admin.execute('kepos.share.line', 'search_read',
                         [('partner_id', '=', bocal), ('move_type', '=', 'issue')],
                         ['certificate_number'], limit=1)[0]
    session = requests.Session()
    session.post(server.url + '/web/session/authenticate', json={
        'jsonrpc': '2.0', 'params': {'db': server.db, 'login': 'member_a', 'password': 'member_a'}})
    reply = session.get('%s/report/pdf/kepos_membership.report_share_certificate/%d'
                        % (server.url, line['id']), timeout=120)
    assert reply.status_code == 200
    assert reply.headers['Content-Type'] == 'application/pdf'
    text = subprocess.run(['pdftotext', '-', '-'], input=reply.content,
                          stdout=subprocess.PIPE, check=True).stdout.decode()
    assert 'Certificat de parts sociales' in text
    assert line['certificate_number'] in text
    assert 'Le Bocal Nancéien' in text
    assert 'Kèpos SCIC' in text
