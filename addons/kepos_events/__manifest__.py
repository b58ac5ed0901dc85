# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    'name': 'Kèpos Events',
    'summary': 'Pooling: monthly meetings, trainings, round tables, business fairs with B2B meetings, assemblies',
    'version': '11.0.1.0.0',
    'category': 'Kèpos',
    'website': 'https://github.com/kepos-scic/kepos-si',
    'author': 'Kèpos SCIC',
    'license': 'AGPL-3',
    'application': False,
    'installable': True,
    'depends': [
        'kepos_membership',
        'event',
    ],
    'data': [
        'security/kepos_events_security.xml',
        'security/ir.model.access.csv',
        'views/kepos_menus.xml',
        'data/event_type_data.xml',
        'report/kepos_events_reports.xml',
        'report/training_certificate.xml',
        'report/b2b_agenda.xml',
        'wizards/kepos_b2b_slot_wizard_views.xml',
        'views/kepos_b2b_request_views.xml',
        'views/kepos_b2b_meeting_views.xml',
        'views/kepos_b2b_tag_views.xml',
        'views/kepos_training_session_views.xml',
        'views/kepos_training_hours_report_views.xml',
        'views/event_event_views.xml',
        'views/event_registration_views.xml',
        'views/kepos_events_menus.xml',
        'views/kepos_dashboard_views.xml',
    ],
    'demo': [
        'demo/kepos_events_demo.xml',
    ],
}
