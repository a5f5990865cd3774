import QtQuick
import Passerelle.Kiosk
import Passerelle.Ui

// "Are you still there?": shown before the session ends, with a chime and the question
// spoken, and one large button for more time. It covers the screen so that nothing else
// can be touched by mistake.
Rectangle {
    id: root
    visible: IdleTimer.warning
    color: "#cc000000"
    onVisibleChanged: if (visible) Narrator.say([Narrator.chime(), Content.labelAudio("are-you-still-there", Session.language)])

    MouseArea { anchors.fill: parent } // swallows touches outside the box

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.mm(200))
        height: box.implicitHeight + 2 * Theme.margin
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth

        Column {
            id: box
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.margin }
            spacing: Theme.gap

            Pictogram { name: "clock"; size: Theme.tilePictogramSize; anchors.horizontalCenter: parent.horizontalCenter }
            KioskText {
                id: question
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                font.pixelSize: Theme.titleSize
                font.bold: true
                //: Idle warning: the session is about to end
                text: qsTr("Are you still there?")
            }
            KioskText {
                objectName: "idleCountdown"
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                //: Idle warning; %1 is a number of seconds
                text: qsTr("Everything will be erased in %1 seconds.").arg("\u2066" + IdleTimer.secondsLeft + "\u2069")
            }
            PictogramButton {
                objectName: "moreTime"
                anchors.horizontalCenter: parent.horizontalCenter
                width: Theme.touchTarget * 5
                height: Theme.touchTarget * 1.5
                fillWidth: true
                pictogramName: "more-time"
                fill: Theme.accent
                ink: Theme.accentInk
                //: Idle warning button: keep the session going
                text: qsTr("More time")
                labelId: "more-time"
                onClicked: IdleTimer.moreTime()
            }
        }
    }
}
