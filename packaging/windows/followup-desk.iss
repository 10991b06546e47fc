; Inno Setup script for Follow-Up Desk: a per-user install that needs no administrator.
;
; Built by packaging/build.py, which passes:
;   /DAppVersion=<desktop.__version__>  /DSourceDir=<dist\followup-desk>  /DIconFile=<.ico>
; By hand, from the repository root after PyInstaller:
;   iscc /DAppVersion=0.1.0 packaging\windows\followup-desk.iss
;
; The user's data (platformdirs' %LOCALAPPDATA%\FollowUpDesk: the database, its backups and
; settings) is never installed, changed or removed here: uninstalling removes the program
; only, and reinstalling finds the contacts where they were.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z followup-desk.iss
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\followup-desk"
#endif
#ifndef IconFile
  #define IconFile "..\icons\followup-desk.ico"
#endif

#define AppName "Follow-Up Desk"
#define AppExe "followup-desk.exe"

[Setup]
; Never change AppId: it is how upgrades and the uninstaller find an existing install.
AppId={{6F1C2B7E-4E3A-4C8D-9B61-0F5A2D7C9E41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
; Per user, no UAC prompt: installs under %LOCALAPPDATA%\Programs like other user apps.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile={#IconFile}
OutputBaseFilename=followup-desk-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Close a running copy before replacing its files, and start it again afterwards if asked.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; PyInstaller keeps every library in _internal; clearing it before copying the new version
; means an upgrade leaves no stale DLL or Python module from the previous one behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put in {app} (and files the app may leave there). The data folder
; %LOCALAPPDATA%\FollowUpDesk is deliberately not listed: the user's contacts stay.
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"
