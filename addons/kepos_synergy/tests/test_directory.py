# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests.common import SavepointCase


class TestDirectory(SavepointCase):
    """Every member reads the directory; each edits only its own profile."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_a = cls.env.ref('kepos_membership.user_member_a')
        cls.user_b = cls.env.ref('kepos_membership.user_member_b')
        cls.bocal = cls.env.ref('kepos_membership.member_bocal')
        cls.velocargo = cls.env.ref('kepos_membership.member_velocargo')
        Profile = cls.env['kepos.member.profile']
        cls.profile_a = Profile.search([('partner_id', '=', cls.bocal.id)]) or \
            Profile.create({'partner_id': cls.bocal.id})
        cls.profile_b = Profile.search([('partner_id', '=', cls.velocargo.id)]) or \
            Profile.create({'partner_id': cls.velocargo.id})

    def test_all_members_read_the_directory(self):
        Profile = self.env['kepos.member.profile']
        visible = Profile.sudo(self.user_a).search([])
        self.assertIn(self.profile_a, visible)
        self.assertIn(self.profile_b, visible)
        self.profile_b.sudo(self.user_b).write({'skills': 'Logistique à vélo-cargo'})
        found = Profile.sudo(self.user_a).search([('skills', 'ilike', 'vélo-cargo')])
        self.assertEqual(found, self.profile_b)
        self.assertEqual(self.profile_b.sudo(self.user_a).name, 'Vélo Cargo Stanislas')

    def test_members_edit_only_their_profile(self):
        self.profile_a.sudo(self.user_a).write({'offers': 'Lavage de bocaux'})
        self.assertEqual(self.profile_a.offers, 'Lavage de bocaux')
        with self.assertRaises(AccessError):
            self.profile_b.sudo(self.user_a).write({'offers': 'Piraté'})
        with self.assertRaises(AccessError):
            self.profile_b.sudo(self.user_a).unlink()
        with self.assertRaises(AccessError):
            self.profile_a.sudo(self.user_a).write({'partner_id': self.velocargo.id})
        self.assertEqual(self.profile_a.partner_id, self.bocal)
        # The partner record itself stays read-only for members.
        with self.assertRaises(AccessError):
            self.velocargo.sudo(self.user_a).write({'name': 'Piraté'})

    def test_my_profile_is_created_for_own_company_only(self):
        member = self.env['res.partner'].create({'name': 'Nouvelle SCOP', 'is_company': True})
        contact = self.env['res.partner'].create({
            'name': 'Léa', 'parent_id': member.id, 'email': 'lea@nouvelle-scop.example'})
        user = self.env['res.users'].with_context(no_reset_password=True).create({
            'login': 'directory_new', 'partner_id': contact.id,
            'groups_id': [(6, 0, [self.env.ref('kepos_membership.group_kepos_member').id])],
        })
        Profile = self.env['kepos.member.profile'].sudo(user)
        action = Profile.action_my_profile()
        profile = Profile.browse(action['res_id'])
        self.assertEqual(profile.partner_id, member)
        self.assertEqual(Profile.action_my_profile()['res_id'], profile.id)
        other = self.env['res.partner'].create({'name': 'Autre SCOP', 'is_company': True})
        with self.assertRaises(AccessError):
            Profile.create({'partner_id': other.id})

    def test_kepos_channel_subscribes_members(self):
        channel = self.env.ref('kepos_synergy.channel_kepos')
        self.assertIn(self.user_a.partner_id, channel.channel_partner_ids)
        self.assertIn(self.user_b.partner_id, channel.channel_partner_ids)
        newcomer = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Nouveau membre', 'login': 'channel_new',
            'groups_id': [(6, 0, [self.env.ref('kepos_membership.group_kepos_member').id])],
        })
        self.assertIn(newcomer.partner_id, channel.channel_partner_ids)
        outsider = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Prestataire', 'login': 'channel_outsider',
            'groups_id': [(6, 0, [self.env.ref('base.group_user').id])],
        })
        self.assertNotIn(outsider.partner_id, channel.channel_partner_ids)

    def test_member_finds_the_directory_in_french(self):
        visible = self.env['ir.ui.menu'].sudo(self.user_a)._visible_menu_ids()
        for xmlid in ('menu_kepos_member_profile', 'menu_kepos_my_profile',
                      'menu_kepos_good_practices'):
            self.assertIn(self.env.ref('kepos_synergy.%s' % xmlid).id, visible, xmlid)
        Profile = self.env['kepos.member.profile'].sudo(self.user_a).with_context(lang='fr_FR')
        self.assertEqual(Profile.fields_get(['needs'])['needs']['string'], 'Ce que nous recherchons')

    def test_profile_shows_nace_code_and_published_resources(self):
        self.velocargo.kepos_nace_code = '53.20'
        profile = self.profile_b.sudo(self.user_a)
        self.assertEqual(profile.nace_code, '53.20')
        resources = self.env['kepos.resource'].search(
            [('partner_id', '=', self.velocargo.id)])
        published = resources.filtered(lambda r: r.state == 'published')
        self.assertTrue(published, 'the demo member publishes resources')
        self.assertEqual(profile.resource_ids, published)
        drafts = resources - published
        self.assertFalse(drafts & profile.resource_ids)
