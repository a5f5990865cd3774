// No "pragma ComponentBehavior: Bound" here: in Qt 6.4 a Loader cannot instantiate a
// bound Component ("outside its creation context"); fixed in later Qt versions.
import QtQuick
import Passerelle.Kiosk
import Passerelle.Ui
import QtQuick.VirtualKeyboard

// The whole kiosk: the navigation bar and the screen of the current route.
// The layout mirrors here, once, for right-to-left languages.
Rectangle {
    id: root
    color: Theme.background
    LayoutMirroring.enabled: Session.rightToLeft
    LayoutMirroring.childrenInherit: true

    NavigationBar {
        id: bar
        anchors { top: parent.top; left: parent.left; right: parent.right }
        onStaffRequested: staffPanel.visible = true
    }

    Loader {
        id: screen
        objectName: "screen"
        // The machine-voice notice takes its place below the screen, hiding nothing of it.
        anchors { top: bar.bottom; left: parent.left; right: parent.right
                  bottom: machineVoiceNotice.visible ? machineVoiceNotice.top : parent.bottom }
        sourceComponent: root.screenFor(Navigator.screen)
    }

    // Every route gets a fresh screen (scrolled to the top, nothing half-loaded from the
    // previous page), even when two routes share a kind.
    Connections {
        target: Navigator
        function onRouteChanged() {
            screen.sourceComponent = null
            screen.sourceComponent = root.screenFor(Navigator.screen)
        }
    }

    function screenFor(kind: string): Component {
        switch (kind) {
        case "topic": return topicPage
        case "page": return contentPage
        case "service": return servicePage
        case "emergency": return emergencyPage
        case "language": return languagePage
        case "status": return statusPage
        case "attract": return attractPage
        case "staff": return staffPage
        default: return homePage
        }
    }

    Component { id: attractPage; AttractPage {} }
    Component { id: homePage; HomePage {} }
    Component { id: topicPage; TopicPage { topic: Navigator.id } }
    Component { id: contentPage; ContentPage { pageId: Navigator.id } }
    Component { id: servicePage; ServicePage { serviceId: Navigator.id } }
    // The emergency numbers are a page of the pack, for everyone (Route::emergencyPageId).
    Component { id: emergencyPage; ContentPage { pageId: Navigator.id } }
    Component { id: languagePage; LanguagePage {} }
    Component { id: statusPage; StatusPage {} }
    Component { id: staffPage; StaffPage {} }

    // ACCESSIBILITY.md req. 2 and 6: the first synthetic voice of a session is announced, said
    // (Narrator) and shown here, for as long as it speaks (and a few seconds at least), below
    // the screen, which makes room for it.
    Rectangle {
        id: machineVoiceNotice
        objectName: "machineVoiceNotice"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: notice.implicitHeight + 2 * Theme.gap
        visible: Narrator.machineVoiceNotice
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
        Accessible.role: Accessible.StaticText
        Accessible.name: noticeText.text

        Row {
            id: notice
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.margin }
            spacing: Theme.gap
            Pictogram { id: noticePicture; name: "speaker"; anchors.verticalCenter: parent.verticalCenter }
            KioskText {
                id: noticeText
                width: notice.width - noticePicture.width - notice.spacing
                anchors.verticalCenter: parent.verticalCenter
                font.pixelSize: Theme.labelSize
                font.bold: true
                //: Shown (and said) before the first machine-made speech of a visit
                text: qsTr("This voice is made by a computer")
            }
        }
    }

    StaffPanel {
        id: staffPanel
        objectName: "staffPanel"
        anchors.fill: parent
        visible: false
        // Hide the on-screen keyboard with the panel: its fields are gone.
        onClosed: { visible = false; root.forceActiveFocus(); Qt.inputMethod.hide() }
    }

    IdleWarning {
        objectName: "idleWarning"
        anchors.fill: parent
    }

    // The on-screen keyboard, for the social worker's code and search fields.
    InputPanel {
        objectName: "keyboard"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        visible: active
    }
}
