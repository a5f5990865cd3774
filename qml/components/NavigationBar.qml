import QtQuick
import Passerelle.Kiosk
import Passerelle.Ui

// Always on screen, always at the same place: home, back, language, emergency.
Rectangle {
    id: root
    implicitHeight: Theme.barHeight
    color: Theme.surface
    border.color: Theme.border
    border.width: 0

    // The display toggles show their pictogram alone (their label is what a touch says and
    // their accessible name). On a narrow screen or in large text the other labels do not
    // all fit either: first the buttons other than the emergency one lose their label, then
    // the emergency button too.
    readonly property real naturalWidth: home.naturalWidth + back.naturalWidth + 3 * Theme.touchTarget
        + language.naturalWidth + emergency.naturalWidth + 8 * Theme.gap
    readonly property real compactWidth: 6 * Theme.touchTarget + emergency.naturalWidth + 8 * Theme.gap
    readonly property bool compact: naturalWidth > width
    readonly property bool compactEmergency: compactWidth > width

    /** A long press on the bar (not on a button) opens the social worker's panel. */
    signal staffRequested()

    MouseArea {
        objectName: "staffGesture"
        anchors.fill: parent
        pressAndHoldInterval: 3000
        onPressAndHold: root.staffRequested()
    }

    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Theme.borderWidth
        color: Theme.border
    }

    Row {
        id: start
        anchors { left: parent.left; leftMargin: Theme.gap; verticalCenter: parent.verticalCenter }
        spacing: Theme.gap

        NavigationButton {
            id: home
            objectName: "homeButton"
            labelShown: !root.compact
            pictogramName: "home"
            //: Navigation button: back to the four topics
            text: qsTr("Home")
            labelId: "home"
            onClicked: Navigator.home()
        }
        NavigationButton {
            id: back
            objectName: "backButton"
            labelShown: !root.compact
            pictogramName: "back"
            directional: true
            //: Navigation button: previous screen
            text: qsTr("Back")
            labelId: "back"
            enabled: Navigator.canGoBack
            opacity: enabled ? 1 : 0.4
            onClicked: Navigator.back()
        }
    }

    Row {
        anchors { right: parent.right; rightMargin: Theme.gap; verticalCenter: parent.verticalCenter }
        spacing: Theme.gap

        // Speech mode (ACCESSIBILITY.md req. 19): a long touch turns it on; a short one
        // says how.
        NavigationButton {
            id: listen
            objectName: "listenToggle"
            labelShown: false
            pictogramName: "speaker"
            //: Toggle on every screen: speech mode, every item said aloud (touch and hold to turn on)
            text: qsTr("Listen")
            labelId: "listen"
            //: Said on a short touch of the Listen toggle while speech mode is off
            readonly property string hint: qsTr("Touch and hold to hear everything.")
            checkable: true
            checked: SpeechMode.active
            fill: checked ? Theme.accent : Theme.surface
            ink: checked ? Theme.accentInk : Theme.text
            onPressAndHold: SpeechMode.turnOn()
            onClicked: {
                if (SpeechMode.active)
                    SpeechMode.turnOff()
                else
                    Narrator.say([Content.labelAudio("touch-and-hold-to-hear-everything", Session.language)])
            }
            function activate() { if (SpeechMode.active) SpeechMode.turnOff(); else SpeechMode.turnOn() }
        }
        // Display modes, on every screen (ACCESSIBILITY.md req. 9): pictogram toggles.
        NavigationButton {
            id: largeText
            objectName: "largeTextToggle"
            labelShown: false
            pictogramName: "large-text"
            //: Toggle: bigger text
            text: qsTr("Bigger text")
            labelId: "bigger-text"
            checkable: true
            checked: Session.largeText
            fill: checked ? Theme.accent : Theme.surface
            ink: checked ? Theme.accentInk : Theme.text
            onClicked: Session.largeText = !Session.largeText
        }
        NavigationButton {
            id: contrast
            objectName: "contrastToggle"
            labelShown: false
            pictogramName: "high-contrast"
            //: Toggle: high-contrast colours
            text: qsTr("Contrast")
            labelId: "contrast"
            checkable: true
            checked: Session.highContrast
            fill: checked ? Theme.accent : Theme.surface
            ink: checked ? Theme.accentInk : Theme.text
            onClicked: Session.highContrast = !Session.highContrast
        }
        NavigationButton {
            id: language
            objectName: "languageButton"
            labelShown: !root.compact
            pictogramName: "language"
            //: Navigation button: choose another language
            text: qsTr("Language")
            labelId: "language"
            onClicked: Navigator.openLanguage()
        }
        NavigationButton {
            id: emergency
            objectName: "emergencyButton"
            labelShown: !root.compactEmergency
            // The disc of the pictogram is the button's red; its white phone stands out.
            pictogramOnDark: Theme.contrast
            pictogramName: "emergency"
            //: Navigation button: emergency numbers (112)
            text: qsTr("Emergency") + " \u2066112\u2069"
            labelId: "emergency"
            fill: Theme.emergency
            ink: Theme.emergencyInk
            onClicked: Navigator.openEmergency()
        }
    }
}
