# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    'name': 'Kèpos Website',
    'summary': 'The public site: members directory, marketplace and joint '
               'offers, events with online registration, residents\' needs',
    'version': '11.0.1.0.0',
    'category': 'Kèpos',
    'website': 'https://github.com/kepos-scic/kepos-si',
    'author': 'Kèpos SCIC',
    'license': 'AGPL-3',
    'application': False,
    'installable': True,
    'depends': [
        'kepos_membership',
        'kepos_incubator',
        'kepos_synergy',
        'kepos_events',
        'website',
        'website_event',
        'website_legal_page',
        'website_cookie_notice',
    ],
    'data': [
        'security/ir.model.access.csv',
        'data/kepos_website_data.xml',
        'data/kepos_qpv_district_data.xml',
        'views/website_templates.xml',
        'views/backoffice_views.xml',
    ],
    'demo': [
        'demo/kepos_website_demo.xml',
    ],
}
