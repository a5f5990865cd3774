pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Passerelle.Kiosk
import Passerelle.Ui

// What a social worker beside the visitor can do, behind a long press on the
// navigation bar: show pages side by side with French, jump to a page by its code,
// search, change the paper, start over for the next visitor.
Rectangle {
    id: root
    color: "#cc000000"
    signal closed()

    MouseArea { anchors.fill: parent; onClicked: root.closed() }

    // The next visitor must not see the last one's search or page code (ACCESSIBILITY.md
    // req. 17): the session's reset (new visitor, idle) empties the fields.
    Connections {
        target: Session
        function onCleared() {
            pin.clear()
            code.clear()
            query.clear()
        }
    }

    Rectangle {
        id: panel
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.mm(320))
        height: parent.height - 2 * Theme.margin
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
        MouseArea { anchors.fill: parent } // touches inside stay inside

        Column {
            id: actions
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.margin }
            spacing: Theme.gap

            Row {
                spacing: Theme.gap
                PictogramButton {
                    speaks: false // the social worker's controls stay quiet
                    objectName: "workerModeToggle"
                    pictogramName: "language"
                    checkable: true
                    checked: Session.workerMode
                    fill: checked ? Theme.accent : Theme.surface
                    ink: checked ? Theme.accentInk : Theme.text
                    //: Social-worker panel: show each page in the visitor's language and in French
                    text: qsTr("Side by side with French")
                    onClicked: Session.workerMode = !Session.workerMode
                }
                PictogramButton {
                    speaks: false // the social worker's controls stay quiet
                    objectName: "changePaper"
                    pictogramName: "unknown-paper"
                    text: qsTr("Change the paper")
                    onClicked: { Navigator.openStatus(); root.closed() }
                }
                PictogramButton {
                    speaks: false // the social worker's controls stay quiet
                    objectName: "newVisitor"
                    pictogramName: "close"
                    //: Social-worker panel: erase everything and go back to the start
                    text: qsTr("New visitor")
                    onClicked: { IdleTimer.endNow(); root.closed() }
                }
            }

            // The operator's screen (pack, sync, usage counts) asks for the staff PIN.
            Row {
                spacing: Theme.gap
                TextField {
                    id: pin
                    objectName: "pinField"
                    width: Theme.mm(60)
                    height: Theme.touchTarget
                    font.pixelSize: Theme.bodySize
                    echoMode: TextInput.Password
                    inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    placeholderText: qsTr("Staff PIN")
                    Accessible.name: qsTr("Staff PIN")
                    onAccepted: operator.clicked()
                }
                PictogramButton {
                    speaks: false // the social worker's controls stay quiet
                    id: operator
                    objectName: "operatorScreen"
                    pictogramName: "info"
                    text: qsTr("Operator screen")
                    onClicked: {
                        if (Staff.unlock(pin.text)) {
                            pin.clear()
                            Navigator.openStaff()
                            root.closed()
                        } else {
                            pin.selectAll()
                        }
                    }
                }
                KioskText {
                    anchors.verticalCenter: parent.verticalCenter
                    visible: Staff.secondsUntilNextAttempt > 0
                    color: Theme.textMuted
                    //: After a wrong staff PIN; %1 is a number of seconds
                    text: qsTr("Wrong PIN: wait %1 s.").arg(Staff.secondsUntilNextAttempt)
                }
            }

            Row {
                spacing: Theme.gap
                TextField {
                    id: code
                    objectName: "codeField"
                    width: Theme.mm(60)
                    height: Theme.touchTarget
                    font.pixelSize: Theme.bodySize
                    //: Placeholder of the field where a social worker types a page code such as S2
                    placeholderText: qsTr("Code, e.g. S2")
                    inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase
                    Accessible.name: qsTr("Page code")
                    onAccepted: go.clicked()
                }
                PictogramButton {
                    speaks: false // the social worker's controls stay quiet
                    id: go
                    objectName: "codeGo"
                    pictogramName: "next"
                    directional: true
                    text: qsTr("Open")
                    onClicked: {
                        if (Navigator.openCode(code.text)) {
                            root.closed()
                        } else {
                            code.selectAll()
                        }
                    }
                }
                TextField {
                    id: query
                    objectName: "searchField"
                    width: panel.width - Theme.mm(60) - go.width - 4 * Theme.gap - 2 * Theme.margin
                    height: Theme.touchTarget
                    font.pixelSize: Theme.bodySize
                    //: Placeholder of the search field
                    placeholderText: qsTr("Search")
                    inputMethodHints: Qt.ImhNoPredictiveText
                    Accessible.name: qsTr("Search")
                }
            }
        }

        ListView {
            objectName: "searchResults"
            anchors { left: parent.left; right: parent.right; top: actions.bottom; bottom: parent.bottom; margins: Theme.margin }
            clip: true
            spacing: Theme.gap
            boundsBehavior: Flickable.StopAtBounds
            model: SearchModel { content: Content; language: Session.language; query: query.text }
            delegate: PictogramButton {
                speaks: false // the social worker's controls stay quiet
                required property string pageId
                required property string title
                required property string pictogram
                required property string code
                objectName: "result_" + pageId
                width: ListView.view.width
                fillWidth: true
                pictogramName: pictogram
                text: title
                detail: code
                onClicked: { Navigator.openPage(pageId); root.closed() }
            }
        }
    }
}
