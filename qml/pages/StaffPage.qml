import QtQuick
import Passerelle.Kiosk
import Passerelle.Ui

// The staff screen (route "staff", opened by the hidden gesture and the staff PIN):
// the kiosk, its pack, its last sync, the sound test, and anonymous usage counts with
// their export to a USB stick. It shows nothing until the PIN has unlocked it.
Item {
    id: root
    objectName: "staffPage"

    Component.onCompleted: Staff.refresh()

    ScreenTitle {
        id: title
        anchors { top: parent.top; left: parent.left; right: parent.right; margins: Theme.margin }
        //: Staff screen title; %1 is the kiosk's name from its configuration
        text: qsTr("Staff: %1").arg(Staff.kioskName)
    }

    KioskText {
        objectName: "staffLocked"
        anchors { top: title.bottom; left: parent.left; right: parent.right; margins: Theme.margin }
        visible: !Staff.isUnlocked
        text: Staff.isPinConfigured
              //: Staff screen, shown before the PIN was given
              ? qsTr("This screen is for staff. Enter the staff PIN to open it.")
              //: Staff screen, when the configuration has no PIN
              : qsTr("No staff PIN is set on this kiosk: see [staff] pin_hash in /etc/passerelle/passerelle.conf.")
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }

    Flickable {
        id: flick
        anchors { top: title.bottom; left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.margin }
        visible: Staff.isUnlocked
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        contentHeight: Math.max(facts.height, usage.height)

        Column {
            id: facts
            width: (flick.width - Theme.gap) * 0.42
            spacing: Theme.gap

            StaffSection {
                width: parent.width
                //: Staff screen section
                title: qsTr("This kiosk")
                StaffField { width: parent.width; label: qsTr("Name"); value: Staff.kioskName }
                StaffField { width: parent.width; label: qsTr("Version"); value: Staff.appVersion }
            }

            StaffSection {
                width: parent.width
                //: Staff screen section: the content pack shown by the kiosk
                title: qsTr("Content pack")
                StaffField { width: parent.width; label: qsTr("Pack"); value: Staff.packId }
                StaffField { width: parent.width; label: qsTr("Version"); value: Staff.packVersion }
                StaffField { width: parent.width; label: qsTr("Made on"); value: Staff.packCreated }
                StaffField {
                    objectName: "packExpires"
                    width: parent.width
                    label: qsTr("Expires on")
                    //: Staff screen: the pack's expiry date, when it is past
                    value: Staff.isPackExpired ? qsTr("%1 (expired: the information may be outdated)").arg(Staff.packExpires)
                                               : Staff.packExpires
                    warning: Staff.isPackExpired
                }
                StaffField {
                    width: parent.width
                    label: qsTr("Signed by key")
                    //: Staff screen: the pack has no signature file
                    value: Staff.signatureKeyId.length > 0 ? Staff.signatureKeyId : qsTr("not signed")
                }
            }

            StaffSection {
                width: parent.width
                //: Staff screen section: content updates
                title: qsTr("Updates")
                StaffField {
                    width: parent.width
                    label: qsTr("Last check")
                    //: Staff screen: the kiosk never checked for new content
                    value: Staff.hasSynced ? Staff.lastSync : qsTr("never")
                }
                StaffField {
                    width: parent.width
                    label: qsTr("Result")
                    value: Staff.lastSyncResult
                    warning: Staff.hasSynced && !Staff.isLastSyncSuccess
                }
                StaffField {
                    width: parent.width
                    visible: Staff.lastSyncError.length > 0
                    label: qsTr("Problem")
                    value: Staff.lastSyncError
                    warning: true
                }
                StaffButton {
                    objectName: "syncNowButton"
                    enabled: !Staff.isSyncRequested
                    //: Staff screen button: look for new content now
                    text: Staff.isSyncRequested ? qsTr("Checking…") : qsTr("Check for updates now")
                    onClicked: Staff.syncNow()
                }
            }

        }

        Column {
            id: usage
            x: facts.width + Theme.gap
            width: flick.width - facts.width - Theme.gap
            spacing: Theme.gap

            StaffSection {
                width: parent.width
                //: Staff screen section: a chart of screens opened per day
                title: qsTr("Screens opened, last 14 days")
                KioskText {
                    visible: Staff.dayChart.total === 0
                    text: Staff.hasUsageCounts ? qsTr("Nothing counted yet.")
                          //: Staff screen, when the kiosk's state database could not be opened
                          : qsTr("Usage is not counted on this kiosk: its state folder cannot be written (see the log).")
                    color: Theme.textMuted
                    font.pixelSize: Theme.smallSize
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                StaffDayChart { width: parent.width; model: Staff.dayChart; visible: Staff.dayChart.total > 0 }
            }

            StaffSection {
                width: parent.width
                //: Staff screen section; %1 is a number of days
                title: qsTr("By topic, last %1 days").arg(Staff.chartDays)
                StaffBarChart {
                    width: parent.width
                    model: Staff.topicChart
                    emptyText: qsTr("Nothing counted yet.")
                }
            }

            StaffSection {
                width: parent.width
                //: Staff screen section; %1 is a number of days
                title: qsTr("By language, last %1 days").arg(Staff.chartDays)
                StaffBarChart {
                    width: parent.width
                    model: Staff.languageChart
                    emptyText: qsTr("Nothing counted yet.")
                }
            }

            StaffSection {
                width: parent.width
                //: Staff screen section: export the counts for the yearly report
                title: qsTr("Export for the yearly report")
                KioskText {
                    width: parent.width
                    font.pixelSize: Theme.smallSize
                    //: Staff screen; %1 is a folder such as /media/passerelle-usb
                    text: Staff.exportStatus.length > 0 ? Staff.exportStatus
                          : qsTr("Anonymous counts per day, topic and language, as a CSV file on the USB stick at %1.").arg(Staff.exportFolder)
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                StaffButton {
                    objectName: "exportButton"
                    //: Staff screen button
                    text: qsTr("Save to the USB stick")
                    onClicked: Staff.exportCsv()
                }
            }

            StaffSection {
                width: parent.width
                //: Staff screen section
                title: qsTr("Sound")
                KioskText {
                    width: parent.width
                    font.pixelSize: Theme.smallSize
                    text: Staff.audioStatus.length > 0 ? Staff.audioStatus
                          : Staff.hasAudioOutput ? qsTr("Press the button: you should hear a tone for one second.")
                          : qsTr("No audio output: this kiosk has no sound device. Check the speaker cable and the sound settings.")
                    color: !Staff.hasAudioOutput ? Theme.warningBorder : Theme.text
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                StaffButton {
                    objectName: "audioTestButton"
                    //: Staff screen button: play a test tone
                    text: qsTr("Play a test tone")
                    onClicked: Staff.playTestTone()
                }
            }
        }
    }
}
