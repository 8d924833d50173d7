//! The permission matrix: every role × action, checked in the service layer.

use balai_functions::service::actor::Actor;
use balai_functions::service::policy::{
    Action, allows, may_announce, may_delete, may_edit, may_edit_places, may_moderate,
};
use balai_protocol::auth::Role;
use balai_protocol::people::Grants;

#[test]
fn role_by_action_matrix() {
    use Action::*;
    let expected = [
        (ReadFeed, true, true),
        (CreatePost, true, true),
        (Comment, true, true),
        (Like, true, true),
        (EditOwnContent, true, true),
        (DeleteOwnContent, true, true),
        (DeleteAnyContent, true, false),
        (ManagePeople, true, false),
        (Announce, true, false),
        (EditPlaces, true, false),
        (ManagePlaceCategories, true, false),
        (ReviewIdeas, true, false),
        (RunRoundTables, true, false),
        (ManageIntegrations, true, false),
    ];
    for (action, admin, member) in expected {
        assert_eq!(allows(Role::Admin, action), admin, "admin {action:?}");
        assert_eq!(allows(Role::Member, action), member, "member {action:?}");
    }
}

fn actor(id: &str, role: Role) -> Actor {
    Actor {
        id: id.into(),
        name: id.into(),
        email: format!("{id}@example.co.id"),
        role,
        session_id: String::new(),
        grants: Grants::default(),
    }
}

#[test]
fn ownership_rules() {
    let ani = actor("ani", Role::Member);
    let admin = actor("boss", Role::Admin);
    assert!(may_edit(&ani, "ani"));
    assert!(!may_edit(&ani, "budi"));
    assert!(
        !may_edit(&admin, "ani"),
        "admins moderate; they do not put words in mouths"
    );
    assert!(may_delete(&ani, "ani"));
    assert!(!may_delete(&ani, "budi"));
    assert!(may_delete(&admin, "ani"));
}

#[test]
fn announcing_is_for_admins_and_communications_staff() {
    assert!(may_announce(&actor("boss", Role::Admin)));
    assert!(!may_announce(&actor("ani", Role::Member)));
    let comms = Actor {
        grants: Grants {
            communications: true,
            ..Grants::default()
        },
        ..actor("sari", Role::Member)
    };
    assert!(may_announce(&comms));
}

#[test]
fn the_map_is_edited_by_admins_and_place_editors() {
    assert!(may_edit_places(&actor("boss", Role::Admin)));
    assert!(!may_edit_places(&actor("ani", Role::Member)));
    let editor = Actor {
        grants: Grants {
            place_editor: true,
            ..Grants::default()
        },
        ..actor("rudi", Role::Member)
    };
    assert!(may_edit_places(&editor));
    assert!(!may_announce(&editor), "one grant does not imply another");
}

#[test]
fn moderators_delete_anyones_content_but_manage_nothing_else() {
    let moderator = Actor {
        grants: Grants {
            moderator: true,
            ..Grants::default()
        },
        ..actor("mod", Role::Member)
    };
    assert!(may_moderate(&moderator));
    assert!(may_delete(&moderator, "ani"));
    assert!(!may_edit(&moderator, "ani"), "moderating is not rewriting");
    assert!(!may_moderate(&actor("ani", Role::Member)));
    assert!(may_moderate(&actor("boss", Role::Admin)));
    assert!(!allows(moderator.role, Action::ManagePeople));
}
