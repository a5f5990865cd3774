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
            objectName: "homeButton"
            pictogramName: "home"
            //: Navigation button: back to the four topics
            text: qsTr("Home")
            labelId: "home"
            onClicked: Navigator.home()
        }
        NavigationButton {
            objectName: "backButton"
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

        NavigationButton {
            objectName: "languageButton"
            pictogramName: "language"
            //: Navigation button: choose another language
            text: qsTr("Language")
            labelId: "language"
            onClicked: Navigator.go("language")
        }
        NavigationButton {
            objectName: "emergencyButton"
            pictogramName: "emergency"
            //: Navigation button: emergency numbers (112)
            text: qsTr("Emergency") + " \u2066112\u2069"
            labelId: "emergency"
            fill: Theme.emergency
            ink: Theme.emergencyInk
            onClicked: Navigator.go("emergency")
        }
    }
}
