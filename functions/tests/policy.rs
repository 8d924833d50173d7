//! The permission matrix: every role × action, checked in the service layer.

use balai_functions::service::actor::Actor;
use balai_functions::service::policy::{
    Action, allows, may_announce, may_delete, may_edit, may_edit_places,
};
use balai_protocol::auth::Role;

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
        communications: false,
        place_editor: false,
        idea_reviewer: false,
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
        communications: true,
        place_editor: false,
        idea_reviewer: false,
        ..actor("sari", Role::Member)
    };
    assert!(may_announce(&comms));
}

#[test]
fn the_map_is_edited_by_admins_and_place_editors() {
    assert!(may_edit_places(&actor("boss", Role::Admin)));
    assert!(!may_edit_places(&actor("ani", Role::Member)));
    let editor = Actor {
        place_editor: true,
        ..actor("rudi", Role::Member)
    };
    assert!(may_edit_places(&editor));
    assert!(!may_announce(&editor), "one grant does not imply another");
}
